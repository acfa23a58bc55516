package com.answerloop.community;

/** One row of the leaderboard: points earned in the period. */
public record LeaderboardEntry(int rank, long accountId, String name, long points) {}

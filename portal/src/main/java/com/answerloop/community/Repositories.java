package com.answerloop.community;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The community module's Spring Data repositories, one per entity. */
final class Repositories {
    private Repositories() {}
}

interface Topics extends JpaRepository<Topic, Long> {
    Optional<Topic> findBySlug(String slug);

    List<Topic> findAllByOrderByPositionAscTitleAsc();
}

interface ForumThreads extends JpaRepository<ForumThread, Long> {

    @Query("select t from ForumThread t where t.hidden = false and (:topicId is null or t.topicId = :topicId)"
            + " and (:unanswered = false or t.answerCount = 0)")
    Page<ForumThread> listed(Long topicId, boolean unanswered, Pageable pageable);

    @Query("select t from ForumThread t join t.tags tag where t.hidden = false and tag = :tag"
            + " and (:unanswered = false or t.answerCount = 0)")
    Page<ForumThread> tagged(String tag, boolean unanswered, Pageable pageable);

    List<ForumThread> findByHiddenFalse();
}

interface Posts extends JpaRepository<Post, Long> {
    List<Post> findByThreadIdOrderByIdAsc(long threadId);

    long countByAuthorIdAndCreatedAtAfter(long authorId, Instant after);

    long countByAuthorIdAndKind(long authorId, Post.Kind kind);

    long countByAuthorIdAndKindAndAcceptedTrue(long authorId, Post.Kind kind);

    List<Post> findByHeldTrueOrderByIdAsc();

    List<Post> findByAuthorIdAndHiddenFalseAndHeldFalseOrderByIdDesc(long authorId, Pageable pageable);
}

interface Comments extends JpaRepository<Comment, Long> {
    List<Comment> findByPostIdInOrderByIdAsc(Collection<Long> postIds);

    long countByAuthorIdAndCreatedAtAfter(long authorId, Instant after);
}

interface CommentRevisions extends JpaRepository<CommentRevision, Long> {
    List<CommentRevision> findByCommentIdOrderByIdAsc(long commentId);
}

interface CommentFlags extends JpaRepository<CommentFlag, Long> {
    boolean existsByCommentIdAndFlaggerId(long commentId, long flaggerId);

    List<CommentFlag> findByStatusOrderByIdAsc(Flag.Status status);

    List<CommentFlag> findByCommentIdAndStatus(long commentId, Flag.Status status);

    long countByCommentIdAndStatusAndTrustedTrue(long commentId, Flag.Status status);
}

interface Votes extends JpaRepository<Vote, Long> {
    Optional<Vote> findByPostIdAndVoterId(long postId, long voterId);

    List<Vote> findByVoterIdAndPostIdIn(long voterId, Collection<Long> postIds);

    @Query("select coalesce(sum(v.value), 0) from Vote v where v.postId = :postId")
    int scoreOf(long postId);
}

interface Revisions extends JpaRepository<Revision, Long> {
    List<Revision> findByPostIdOrderByNumberDesc(long postId);

    @Query("select coalesce(max(r.number), 0) from Revision r where r.postId = :postId")
    int lastNumber(long postId);
}

interface Follows extends JpaRepository<Follow, Long> {
    Optional<Follow> findByAccountIdAndThreadId(long accountId, long threadId);

    Optional<Follow> findByAccountIdAndTopicId(long accountId, long topicId);

    List<Follow> findByThreadId(long threadId);

    List<Follow> findByTopicId(long topicId);

    @Modifying
    @Query("delete from Follow f where f.accountId = :accountId and f.threadId = :threadId")
    void unfollowThread(long accountId, long threadId);

    @Modifying
    @Query("delete from Follow f where f.accountId = :accountId and f.topicId = :topicId")
    void unfollowTopic(long accountId, long topicId);
}

interface Notifications extends JpaRepository<Notification, Long> {
    Page<Notification> findByAccountIdOrderByIdDesc(long accountId, Pageable pageable);

    long countByAccountIdAndReadAtIsNull(long accountId);

    List<Notification> findByAccountIdAndReadAtIsNull(long accountId);
}

interface MailPreferences extends JpaRepository<MailPreference, Long> {
    Optional<MailPreference> findByToken(String token);
}

interface ReputationLedger extends JpaRepository<ReputationEntry, Long> {

    @Query("select coalesce(sum(r.points), 0) from ReputationEntry r where r.accountId = :accountId")
    long reputationOf(long accountId);

    @Modifying
    @Query("delete from ReputationEntry r where r.postId = :postId and r.actorId = :actorId and r.reason = :reason")
    int withdraw(long postId, long actorId, String reason);

    @Query("select r.accountId, sum(r.points) from ReputationEntry r where r.createdAt >= :since"
            + " group by r.accountId having sum(r.points) > 0 order by sum(r.points) desc, r.accountId asc")
    List<Object[]> leaders(Instant since, Pageable pageable);
}

interface BadgeAwards extends JpaRepository<BadgeAward, Long> {
    List<BadgeAward> findByAccountIdOrderByIdAsc(long accountId);

    boolean existsByAccountIdAndBadge(long accountId, String badge);
}

interface Flags extends JpaRepository<Flag, Long> {
    boolean existsByPostIdAndFlaggerId(long postId, long flaggerId);

    List<Flag> findByStatusOrderByIdAsc(Flag.Status status);

    List<Flag> findByPostIdAndStatus(long postId, Flag.Status status);

    long countByPostIdAndStatusAndTrustedTrue(long postId, Flag.Status status);
}

interface ModerationLog extends JpaRepository<ModerationEntry, Long> {
    Page<ModerationEntry> findAllByOrderByIdDesc(Pageable pageable);
}

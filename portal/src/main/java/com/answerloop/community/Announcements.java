package com.answerloop.community;

import com.answerloop.accounts.AccountManagement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells followers and mentioned members about new questions, answers and comments, after the post committed and in
 * a transaction of its own. Writing a notification per follower inside the post's transaction kept the thread's row
 * locked for all of them, so every other writer on a busy thread waited. The event publication registry keeps each
 * event until this listener completed, so a crash after the post's commit still notifies everyone on restart.
 */
@Component
class Announcements {

    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@([\\p{L}\\p{N}_.-]{2,60})");

    private final Topics topics;
    private final ForumThreads threads;
    private final Posts posts;
    private final Comments comments;
    private final Follows follows;
    private final Notifications notifications;
    private final Notifier notifier;
    private final AccountManagement accounts;

    Announcements(
            Topics topics,
            ForumThreads threads,
            Posts posts,
            Comments comments,
            Follows follows,
            Notifications notifications,
            Notifier notifier,
            AccountManagement accounts) {
        this.topics = topics;
        this.threads = threads;
        this.posts = posts;
        this.comments = comments;
        this.follows = follows;
        this.notifications = notifications;
        this.notifier = notifier;
        this.accounts = accounts;
    }

    @ApplicationModuleListener
    void on(QuestionAsked event) {
        ForumThread thread = threads.findById(event.threadId()).orElse(null);
        if (thread == null || notifications.existsByThreadIdAndKind(thread.id(), Notification.Kind.QUESTION)) {
            return; // gone, or told already (the event was delivered again after a crash)
        }
        Topic topic = topics.findById(thread.topicId()).orElseThrow();
        for (Follow follow : follows.findByTopicId(topic.id())) {
            if (follow.accountId() != event.authorId()) {
                notifier.notify(
                        follow.accountId(),
                        Notification.Kind.QUESTION,
                        thread,
                        null,
                        "New question in " + topic.title() + ": \"" + thread.title() + "\"");
            }
        }
        Post question = posts.findByThreadIdOrderByIdAsc(thread.id()).getFirst();
        notifyMentions(thread, question.id(), event.authorId(), question.body(), new LinkedHashSet<>());
    }

    @ApplicationModuleListener
    void on(AnswerPosted event) {
        ForumThread thread = threads.findById(event.threadId()).orElse(null);
        Post answer = posts.findById(event.answerId()).orElse(null);
        if (thread == null
                || answer == null
                || notifications.existsByPostIdAndKind(answer.id(), Notification.Kind.ANSWER)) {
            return;
        }
        String writer = name(answer.authorId());
        Set<Long> told = new LinkedHashSet<>();
        told.add(answer.authorId());
        for (Follow follow : follows.findByThreadId(thread.id())) {
            if (told.add(follow.accountId())) {
                notifier.notify(
                        follow.accountId(),
                        Notification.Kind.ANSWER,
                        thread,
                        answer.id(),
                        writer + " answered \"" + thread.title() + "\"");
            }
        }
        notifyMentions(thread, answer.id(), answer.authorId(), answer.body(), told);
    }

    @ApplicationModuleListener
    void on(CommentPosted event) {
        ForumThread thread = threads.findById(event.threadId()).orElse(null);
        Comment comment = comments.findById(event.commentId()).orElse(null);
        if (thread != null && comment != null) {
            notifyMentions(thread, event.postId(), event.authorId(), comment.body(), new LinkedHashSet<>());
        }
    }

    /**
     * Mentions reach people taking part in the thread (asker, answerers, commenters), written as {@code @name} with the
     * spaces of their display name left out; a mention nobody in the thread matches is plain text.
     */
    private void notifyMentions(ForumThread thread, long postId, long authorId, String text, Set<Long> alreadyTold) {
        Matcher matcher = MENTION.matcher(text);
        Set<String> mentioned = new LinkedHashSet<>();
        while (matcher.find()) {
            mentioned.add(mentionKey(matcher.group(1)));
        }
        if (mentioned.isEmpty()) {
            return;
        }
        List<Post> threadPosts = posts.findByThreadIdOrderByIdAsc(thread.id());
        Set<Long> participants = new LinkedHashSet<>();
        participants.add(thread.authorId());
        threadPosts.forEach(p -> participants.add(p.authorId()));
        comments.findByPostIdInOrderByIdAsc(threadPosts.stream().map(Post::id).toList())
                .forEach(c -> participants.add(c.authorId()));
        Names names = new Names(accounts);
        Set<Long> told = new LinkedHashSet<>(alreadyTold);
        told.add(authorId);
        String author = name(authorId);
        for (long participant : participants) {
            if (mentioned.contains(mentionKey(names.of(participant))) && told.add(participant)) {
                notifier.notify(
                        participant,
                        Notification.Kind.MENTION,
                        thread,
                        postId,
                        author + " mentioned you in \"" + thread.title() + "\"");
            }
        }
    }

    private String name(long accountId) {
        return accounts.findById(accountId).map(Actor::of).map(Actor::name).orElse("a member");
    }

    private static String mentionKey(String name) {
        return name.replaceAll("\\s+", "").replaceAll("[.,:;!?-]+$", "").toLowerCase(Locale.ROOT);
    }
}

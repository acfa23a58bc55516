package com.answerloop.community;

import com.answerloop.accounts.AccountManagement;
import com.answerloop.shared.markdown.MarkdownRenderer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The forum's read models: thread lists and the thread page as one viewer sees it, with what {@link ForumGuardian}
 * lets that viewer do to each post and comment.
 */
@Service
@Transactional(readOnly = true)
class ThreadPages {

    static final int PAGE_SIZE = 20;

    private final Topics topics;
    private final ForumThreads threads;
    private final Posts posts;
    private final Comments comments;
    private final Votes votes;
    private final Revisions revisions;
    private final Subscriptions subscriptions;
    private final ForumGuardian guardian;
    private final AccountManagement accounts;
    private final MarkdownRenderer markdown;

    ThreadPages(
            Topics topics,
            ForumThreads threads,
            Posts posts,
            Comments comments,
            Votes votes,
            Revisions revisions,
            Subscriptions subscriptions,
            ForumGuardian guardian,
            AccountManagement accounts,
            MarkdownRenderer markdown) {
        this.topics = topics;
        this.threads = threads;
        this.posts = posts;
        this.comments = comments;
        this.votes = votes;
        this.revisions = revisions;
        this.subscriptions = subscriptions;
        this.guardian = guardian;
        this.accounts = accounts;
        this.markdown = markdown;
    }

    Optional<TopicView> topic(String slug) {
        return topics.findBySlug(slug).map(Topic::toView);
    }

    /** A page of visible threads, in a topic or with a tag (or all), sorted. */
    Page<ThreadSummary> list(String topicSlug, String tag, ListSort sort, int page) {
        Pageable pageable = PageRequest.of(Math.max(0, page), PAGE_SIZE, sort.sort());
        boolean unanswered = sort == ListSort.UNANSWERED;
        if (tag != null && !tag.isBlank()) {
            return summaries(threads.tagged(tag.strip().toLowerCase(Locale.ROOT), unanswered, pageable));
        }
        Long topicId = null;
        if (topicSlug != null && !topicSlug.isBlank()) {
            topicId = topics.findBySlug(topicSlug)
                    .orElseThrow(() -> CommunityProblem.notFound("topic"))
                    .id();
        }
        return summaries(threads.listed(topicId, unanswered, pageable));
    }

    /** Public threads, newest activity first, a page at a time (sitemap, API). */
    Page<ThreadSummary> publicThreads(Pageable pageable) {
        Pageable sorted = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), ListSort.ACTIVE.sort());
        return summaries(threads.listed(null, false, sorted));
    }

    /** The thread page for a viewer (null when anonymous); hidden threads only for moderators and the asker. */
    Optional<ThreadPage> thread(long threadId, Actor viewer, AnswerSort sort) {
        ForumGuardian.Permissions may = guardian.of(viewer);
        Optional<ForumThread> found = threads.findById(threadId).filter(may::maySee);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ForumThread thread = found.get();
        List<Post> all = posts.findByThreadIdOrderByIdAsc(thread.id());
        List<Post> shown = all.stream().filter(may::maySee).toList();
        List<Long> ids = shown.stream().map(Post::id).toList();
        Map<Long, List<Comment>> commentsByPost = comments.findByPostIdInOrderByIdAsc(ids).stream()
                .filter(may::maySee)
                .collect(Collectors.groupingBy(Comment::postId));
        Map<Long, Integer> myVotes = viewer == null
                ? Map.of()
                : votes.findByVoterIdAndPostIdIn(viewer.id(), ids).stream()
                        .collect(Collectors.toMap(Vote::postId, Vote::value));
        PostViews views = new PostViews(thread, may, commentsByPost, myVotes, new Names(accounts));
        Post question = all.stream().filter(Post::isQuestion).findFirst().orElseThrow();
        List<PostView> answers = shown.stream()
                .filter(p -> !p.isQuestion())
                .sorted(order(sort))
                .map(views::of)
                .toList();
        ThreadSummary duplicate = thread.duplicateOf() == null
                ? null
                : threads.findById(thread.duplicateOf())
                        .filter(t -> !t.hidden())
                        .map(this::summary)
                        .orElse(null);
        Topic topic = topics.findById(thread.topicId()).orElseThrow();
        return Optional.of(new ThreadPage(
                thread.id(),
                thread.slug(),
                thread.title(),
                thread.url(),
                topic.toView(),
                thread.tags(),
                thread.state(),
                thread.closeReason(),
                duplicate,
                thread.hidden(),
                views.of(question),
                answers,
                thread.createdAt(),
                thread.lastActivityAt(),
                subscriptions.followsThread(viewer, thread.id()),
                may.active() && may.answerRefusal(thread).isEmpty(),
                may.moderator(),
                viewer != null));
    }

    private static Comparator<Post> order(AnswerSort sort) {
        return switch (sort) {
            case NEWEST -> Comparator.comparing((Post p) -> p.id()).reversed();
            case OLDEST -> Comparator.comparing(Post::id);
            case VOTES ->
                Comparator.comparing((Post p) -> !p.accepted())
                        .thenComparing(
                                Comparator.comparingInt((Post p) -> p.score()).reversed())
                        .thenComparing(Post::id);
        };
    }

    /** Builds the posts of one thread page as its viewer sees them. */
    private final class PostViews {
        private final ForumThread thread;
        private final ForumGuardian.Permissions may;
        private final Map<Long, List<Comment>> commentsByPost;
        private final Map<Long, Integer> myVotes;
        private final Names names;

        PostViews(
                ForumThread thread,
                ForumGuardian.Permissions may,
                Map<Long, List<Comment>> commentsByPost,
                Map<Long, Integer> myVotes,
                Names names) {
            this.thread = thread;
            this.may = may;
            this.commentsByPost = commentsByPost;
            this.myVotes = myVotes;
            this.names = names;
        }

        PostView of(Post post) {
            boolean acting = may.active() && post.visible();
            boolean answer = !post.isQuestion();
            return new PostView(
                    post.id(),
                    post.isQuestion(),
                    post.authorId(),
                    names.of(post.authorId()),
                    post.body(),
                    markdown.renderUserPost(post.body()).html(),
                    post.score(),
                    post.accepted(),
                    post.official(),
                    post.hidden(),
                    post.held(),
                    post.createdAt(),
                    post.editedAt(),
                    myVotes.getOrDefault(post.id(), 0),
                    commentsByPost.getOrDefault(post.id(), List.of()).stream()
                            .map(c -> comment(c, post))
                            .toList(),
                    may.editRights(post, thread).any(),
                    acting && may.voteRefusal(post, thread, 1).isEmpty(),
                    acting && may.voteRefusal(post, thread, -1).isEmpty(),
                    acting && may.flagRefusal(post.authorId(), "post").isEmpty(),
                    acting && answer && may.acceptRefusal(post, thread).isEmpty(),
                    acting && answer && may.officialRefusal().isEmpty(),
                    may.active() && may.commentRefusal(thread).isEmpty());
        }

        private CommentView comment(Comment c, Post post) {
            return new CommentView(
                    c.id(),
                    c.authorId(),
                    names.of(c.authorId()),
                    c.body(),
                    c.createdAt(),
                    c.editedAt(),
                    c.hidden(),
                    may.mayEdit(c, thread),
                    may.active()
                            && !c.hidden()
                            && post.visible()
                            && may.flagRefusal(c.authorId(), "comment").isEmpty());
        }
    }

    /** A post's Markdown and (for questions) title, topic and tags, for the edit form; only for its editors. */
    EditablePost editable(long postId, Actor actor) {
        Post post = posts.findById(postId).orElseThrow(() -> CommunityProblem.notFound("post"));
        ForumThread thread = threads.findById(post.threadId()).orElseThrow();
        ForumGuardian.EditRights rights = guardian.of(actor).editRights(post, thread);
        if (!rights.any()) {
            throw CommunityProblem.forbidden("You cannot edit this post.");
        }
        return new EditablePost(
                post.id(),
                thread.id(),
                thread.url(),
                post.isQuestion(),
                post.isQuestion() ? thread.title() : null,
                post.isQuestion() ? String.join(", ", thread.tags()) : null,
                post.body(),
                rights.body());
    }

    /** A comment's text for its edit form; only for its author (thread not locked) and moderators. */
    EditableComment editableComment(long commentId, Actor actor) {
        Comment comment = comments.findById(commentId).orElseThrow(() -> CommunityProblem.notFound("comment"));
        ForumThread thread = threads.findById(threadOf(comment.postId())).orElseThrow();
        if (!guardian.of(actor).mayEdit(comment, thread)) {
            throw CommunityProblem.forbidden("You cannot edit this comment.");
        }
        return new EditableComment(comment.id(), thread.url() + "#comment-" + comment.id(), comment.body());
    }

    /** The revision history of a visible post, newest first. */
    List<RevisionView> revisions(long postId, Actor viewer) {
        Post post = guardian.visiblePost(postId, viewer);
        Names names = new Names(accounts);
        return revisions.findByPostIdOrderByNumberDesc(post.id()).stream()
                .map(r -> new RevisionView(
                        r.number(),
                        r.editorId(),
                        names.of(r.editorId()),
                        r.title(),
                        r.tags() == null || r.tags().isBlank()
                                ? List.of()
                                : List.of(r.tags().split(",")),
                        r.body(),
                        r.createdAt()))
                .toList();
    }

    long threadOf(long postId) {
        return posts.findById(postId)
                .orElseThrow(() -> CommunityProblem.notFound("post"))
                .threadId();
    }

    /** The thread a comment belongs to (for redirects). */
    long threadOfComment(long commentId) {
        return comments.findById(commentId)
                .map(c -> threadOf(c.postId()))
                .orElseThrow(() -> CommunityProblem.notFound("comment"));
    }

    private Page<ThreadSummary> summaries(Page<ForumThread> page) {
        Names names = new Names(accounts);
        Map<Long, Topic> topicsById =
                topics.findAll().stream().collect(Collectors.toMap(Topic::id, Function.identity()));
        return page.map(t -> summary(t, topicsById.get(t.topicId()), names));
    }

    private ThreadSummary summary(ForumThread t) {
        return summary(t, topics.findById(t.topicId()).orElseThrow(), new Names(accounts));
    }

    private static ThreadSummary summary(ForumThread t, Topic topic, Names names) {
        return new ThreadSummary(
                t.id(),
                t.slug(),
                t.title(),
                t.url(),
                topic.slug(),
                topic.title(),
                t.tags(),
                t.state(),
                t.score(),
                t.answerCount(),
                t.acceptedAnswerId() != null,
                t.authorId(),
                names.of(t.authorId()),
                t.createdAt(),
                t.lastActivityAt());
    }

    /** A comment loaded for its edit form. */
    record EditableComment(long commentId, String commentUrl, String body) {}

    /** A post loaded for its edit form. */
    record EditablePost(
            long postId,
            long threadId,
            String threadUrl,
            boolean question,
            String title,
            String tags,
            String body,
            boolean bodyEditable) {}
}

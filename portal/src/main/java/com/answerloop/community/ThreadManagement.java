package com.answerloop.community;

import com.answerloop.accounts.AccountManagement;
import com.answerloop.accounts.UserAccount;
import com.answerloop.shared.markdown.MarkdownRenderer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The community module's entry point. Other modules read public threads here ({@link #indexable}, {@link
 * #publicThreads}, {@link #acceptedAnswer}); the module's pages and API ask, answer, vote, accept, edit, flag and moderate through it, and
 * every permission is checked here so pages and API behave the same.
 */
@Service
@Transactional
public class ThreadManagement {

    private static final Logger log = LoggerFactory.getLogger(ThreadManagement.class);

    static final int PAGE_SIZE = 20;
    static final int MAX_TITLE = 200;
    static final int MIN_TITLE = 10;
    static final int MAX_BODY = 30_000;
    static final int MIN_BODY = 20;
    static final int MAX_COMMENT = 600;
    static final int MAX_TAGS = 5;
    static final int TOP_ANSWERS_INDEXED = 3;

    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9.+#-]{0,39}");
    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)");
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@([\\p{L}\\p{N}_.-]{2,60})");

    private final Topics topics;
    private final ForumThreads threads;
    private final Posts posts;
    private final Comments comments;
    private final CommentRevisions commentRevisions;
    private final CommentFlags commentFlags;
    private final Votes votes;
    private final Revisions revisions;
    private final Follows follows;
    private final Notifications notifications;
    private final MailPreferences mailPreferences;
    private final Flags flags;
    private final ModerationLog moderationLog;
    private final Reputation reputation;
    private final Notifier notifier;
    private final PostingLimits limits;
    private final CommunitySettings settings;
    private final AccountManagement accounts;
    private final MarkdownRenderer markdown;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ThreadManagement(
            Topics topics,
            ForumThreads threads,
            Posts posts,
            Comments comments,
            CommentRevisions commentRevisions,
            CommentFlags commentFlags,
            Votes votes,
            Revisions revisions,
            Follows follows,
            Notifications notifications,
            MailPreferences mailPreferences,
            Flags flags,
            ModerationLog moderationLog,
            Reputation reputation,
            Notifier notifier,
            PostingLimits limits,
            CommunitySettings settings,
            AccountManagement accounts,
            MarkdownRenderer markdown,
            ApplicationEventPublisher events,
            ObjectProvider<Clock> clock) {
        this.topics = topics;
        this.threads = threads;
        this.posts = posts;
        this.comments = comments;
        this.commentRevisions = commentRevisions;
        this.commentFlags = commentFlags;
        this.votes = votes;
        this.revisions = revisions;
        this.follows = follows;
        this.notifications = notifications;
        this.mailPreferences = mailPreferences;
        this.flags = flags;
        this.moderationLog = moderationLog;
        this.reputation = reputation;
        this.notifier = notifier;
        this.limits = limits;
        this.settings = settings;
        this.accounts = accounts;
        this.markdown = markdown;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    // ---- API for other modules

    /** The thread as the search index should hold it, or empty when it is not public (hidden, held, unknown). */
    @Transactional(readOnly = true)
    public Optional<IndexableThread> indexable(long threadId) {
        return threads.findById(threadId).filter(t -> !t.hidden()).map(this::toIndexable);
    }

    /** Every public thread, for rebuilding the search index. */
    @Transactional(readOnly = true)
    public List<IndexableThread> allIndexable() {
        return threads.findByHiddenFalse().stream().map(this::toIndexable).toList();
    }

    /** The accepted answer of a public thread, if it has one that is visible (not hidden or held). */
    @Transactional(readOnly = true)
    public Optional<AcceptedAnswer> acceptedAnswer(long threadId) {
        return threads.findById(threadId)
                .filter(t -> !t.hidden() && t.acceptedAnswerId() != null)
                .flatMap(thread -> {
                    List<Post> all = posts.findByThreadIdOrderByIdAsc(thread.id());
                    Optional<Post> question = all.stream()
                            .filter(Post::isQuestion)
                            .filter(Post::visible)
                            .findFirst();
                    Optional<Post> answer = all.stream()
                            .filter(p -> p.id() == thread.acceptedAnswerId())
                            .filter(Post::visible)
                            .findFirst();
                    if (question.isEmpty() || answer.isEmpty()) {
                        return Optional.empty();
                    }
                    Names names = new Names();
                    return Optional.of(new AcceptedAnswer(
                            thread.id(),
                            thread.title(),
                            thread.url(),
                            question.get().body(),
                            names.of(question.get().authorId()),
                            answer.get().id(),
                            answer.get().body(),
                            names.of(answer.get().authorId())));
                });
    }

    /** Public threads, newest activity first, a page at a time (sitemap, API). */
    @Transactional(readOnly = true)
    public Page<ThreadSummary> publicThreads(Pageable pageable) {
        Pageable sorted = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), ListSort.ACTIVE.sort());
        return summaries(threads.listed(null, false, sorted));
    }

    @Transactional(readOnly = true)
    public List<TopicView> topics() {
        return topics.findAllByOrderByPositionAscTitleAsc().stream()
                .map(Topic::toView)
                .toList();
    }

    @Transactional(readOnly = true)
    public long reputationOf(long accountId) {
        return reputation.reputationOf(accountId);
    }

    // ---- reading

    @Transactional(readOnly = true)
    Optional<TopicView> topic(String slug) {
        return topics.findBySlug(slug).map(Topic::toView);
    }

    /** A page of visible threads, in a topic or with a tag (or all), sorted. */
    @Transactional(readOnly = true)
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

    /** The thread page for a viewer (null when anonymous); hidden threads only for moderators and the asker. */
    @Transactional(readOnly = true)
    Optional<ThreadPage> thread(long threadId, Actor viewer, AnswerSort sort) {
        Optional<ForumThread> found = threads.findById(threadId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ForumThread thread = found.get();
        boolean moderator = viewer != null && viewer.moderator();
        if (thread.hidden() && !moderator && (viewer == null || viewer.id() != thread.authorId())) {
            return Optional.empty();
        }
        List<Post> all = posts.findByThreadIdOrderByIdAsc(thread.id());
        List<Post> shown = all.stream()
                .filter(p -> p.visible() || moderator || (viewer != null && viewer.id() == p.authorId()))
                .toList();
        List<Long> ids = shown.stream().map(Post::id).toList();
        Map<Long, List<Comment>> commentsByPost = comments.findByPostIdInOrderByIdAsc(ids).stream()
                .filter(c -> !c.hidden() || moderator || (viewer != null && viewer.id() == c.authorId()))
                .collect(Collectors.groupingBy(Comment::postId));
        Map<Long, Integer> myVotes = viewer == null
                ? Map.of()
                : votes.findByVoterIdAndPostIdIn(viewer.id(), ids).stream()
                        .collect(Collectors.toMap(Vote::postId, Vote::value));
        Names names = new Names();
        TrustLevel level = viewer == null ? TrustLevel.NEW : reputation.trustLevel(viewer.id());
        Post question = all.stream().filter(Post::isQuestion).findFirst().orElseThrow();
        Comparator<Post> order = switch (sort) {
            case NEWEST -> Comparator.comparing((Post p) -> p.id()).reversed();
            case OLDEST -> Comparator.comparing(Post::id);
            case VOTES ->
                Comparator.comparing((Post p) -> !p.accepted())
                        .thenComparing(
                                Comparator.comparingInt((Post p) -> p.score()).reversed())
                        .thenComparing(Post::id);
        };
        List<PostView> answers = shown.stream()
                .filter(p -> !p.isQuestion())
                .sorted(order)
                .map(p -> toView(p, thread, viewer, level, commentsByPost, myVotes, names))
                .toList();
        PostView questionView = toView(question, thread, viewer, level, commentsByPost, myVotes, names);
        ThreadSummary duplicate = thread.duplicateOf() == null
                ? null
                : threads.findById(thread.duplicateOf())
                        .filter(t -> !t.hidden())
                        .map(this::summary)
                        .orElse(null);
        boolean following = viewer != null
                && follows.findByAccountIdAndThreadId(viewer.id(), thread.id()).isPresent();
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
                questionView,
                answers,
                thread.createdAt(),
                thread.lastActivityAt(),
                following,
                viewer != null && (thread.takesAnswers() || moderator) && !viewer.suspended(),
                moderator,
                viewer != null));
    }

    /** A post's Markdown and (for questions) title, topic and tags, for the edit form; only for its editors. */
    @Transactional(readOnly = true)
    EditablePost editable(long postId, Actor actor) {
        Post post = posts.findById(postId).orElseThrow(() -> CommunityProblem.notFound("post"));
        ForumThread thread = threads.findById(post.threadId()).orElseThrow();
        EditRights rights = editRights(post, thread, actor);
        if (!rights.body() && !rights.tags()) {
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

    /** The revision history of a visible post, newest first. */
    @Transactional(readOnly = true)
    List<RevisionView> revisions(long postId, Actor viewer) {
        Post post = visiblePost(postId, viewer);
        Names names = new Names();
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

    @Transactional(readOnly = true)
    long threadOf(long postId) {
        return posts.findById(postId)
                .orElseThrow(() -> CommunityProblem.notFound("post"))
                .threadId();
    }

    // ---- asking, answering, commenting, editing

    /** Asks a question; returns the new thread's page. New members' link-heavy posts are held for review. */
    PostResult ask(Actor actor, String topicSlug, String title, String body, String tagText) {
        Topic topic = topics.findBySlug(topicSlug == null ? "" : topicSlug)
                .orElseThrow(() -> CommunityProblem.invalid("Choose a topic for your question."));
        String cleanTitle = checkTitle(title);
        String cleanBody = checkBody(body);
        List<String> tags = parseTags(tagText);
        boolean held = checkCanPost(actor, cleanBody + " " + cleanTitle);
        Instant now = clock.instant();
        ForumThread thread = threads.save(new ForumThread(topic.id(), cleanTitle, tags, actor.id(), now));
        Post question = posts.save(new Post(thread.id(), Post.Kind.QUESTION, actor.id(), cleanBody, held, now));
        thread.hidden(held);
        revisions.save(new Revision(question.id(), 1, actor.id(), cleanTitle, String.join(",", tags), cleanBody, now));
        follow(actor.id(), thread.id(), null);
        if (held) {
            log("HELD", null, thread.id(), question.id(), "New member's question with many links held for review");
        } else {
            announceQuestion(thread, topic, actor);
        }
        log.info("Member #{} asked thread #{}{}", actor.id(), thread.id(), held ? " (held for review)" : "");
        return new PostResult(thread.id(), question.id(), thread.url(), held);
    }

    PostResult answer(Actor actor, long threadId, String body) {
        ForumThread thread = threads.findById(threadId)
                .filter(t -> !t.hidden() || actor.moderator())
                .orElseThrow(() -> CommunityProblem.notFound("thread"));
        if (!thread.takesAnswers() && !actor.moderator()) {
            throw CommunityProblem.forbidden(
                    thread.locked() ? "This thread is locked." : "This thread is closed and takes no new answers.");
        }
        String cleanBody = checkBody(body);
        boolean held = checkCanPost(actor, cleanBody);
        Instant now = clock.instant();
        Post answer = posts.save(new Post(thread.id(), Post.Kind.ANSWER, actor.id(), cleanBody, held, now));
        revisions.save(new Revision(answer.id(), 1, actor.id(), null, null, cleanBody, now));
        follow(actor.id(), thread.id(), null);
        reputation.answered(actor.id());
        if (held) {
            log("HELD", null, thread.id(), answer.id(), "New member's answer with many links held for review");
        } else {
            announceAnswer(thread, answer, actor);
        }
        return new PostResult(thread.id(), answer.id(), thread.url() + "#post-" + answer.id(), held);
    }

    void comment(Actor actor, long postId, String body) {
        Post post = visiblePost(postId, actor);
        ForumThread thread = threads.findById(post.threadId()).orElseThrow();
        if (thread.locked() && !actor.moderator()) {
            throw CommunityProblem.forbidden("This thread is locked.");
        }
        String text = checkComment(body);
        if (checkCanPost(actor, text)) {
            throw CommunityProblem.forbidden(
                    "New members can use at most " + settings.newMemberMaxLinks() + " links in a comment.");
        }
        Instant now = clock.instant();
        comments.save(new Comment(post.id(), actor.id(), text, now));
        thread.touch(now);
        notifyMentions(thread, post.id(), actor, text);
    }

    /** A comment's text for its edit form; only for its author (thread not locked) and moderators. */
    @Transactional(readOnly = true)
    EditableComment editableComment(long commentId, Actor actor) {
        Comment comment = comments.findById(commentId).orElseThrow(() -> CommunityProblem.notFound("comment"));
        ForumThread thread = threads.findById(threadOf(comment.postId())).orElseThrow();
        if (!canEditComment(comment, thread, actor)) {
            throw CommunityProblem.forbidden("You cannot edit this comment.");
        }
        return new EditableComment(comment.id(), thread.url() + "#comment-" + comment.id(), comment.body());
    }

    /** Edits a comment (its author or a moderator); the earlier text is kept as a revision. */
    void editComment(Actor actor, long commentId, String body) {
        Comment comment = comments.findById(commentId).orElseThrow(() -> CommunityProblem.notFound("comment"));
        Post post = posts.findById(comment.postId()).orElseThrow();
        ForumThread thread = threads.findById(post.threadId()).orElseThrow();
        if (!canEditComment(comment, thread, actor)) {
            throw CommunityProblem.forbidden("You cannot edit this comment.");
        }
        String text = checkComment(body);
        if (!actor.moderator()
                && !reputation.has(actor, TrustLevel.MEMBER)
                && LINK.matcher(text).results().count() > settings.newMemberMaxLinks()) {
            throw CommunityProblem.forbidden(
                    "New members can use at most " + settings.newMemberMaxLinks() + " links in a comment.");
        }
        if (text.equals(comment.body())) {
            return;
        }
        Instant now = clock.instant();
        commentRevisions.save(new CommentRevision(comment.id(), actor.id(), comment.body(), now));
        comment.edit(text, now);
        if (actor.moderator() && actor.id() != comment.authorId()) {
            log("EDIT_COMMENT", actor.id(), thread.id(), post.id(), "comment #" + comment.id());
        }
    }

    private boolean canEditComment(Comment comment, ForumThread thread, Actor actor) {
        if (actor == null || actor.suspended()) {
            return false;
        }
        if (actor.moderator()) {
            return true;
        }
        return actor.id() == comment.authorId() && !thread.locked() && !comment.hidden() && !thread.hidden();
    }

    private static String checkComment(String body) {
        String text = body == null ? "" : body.strip();
        if (text.length() < 2) {
            throw CommunityProblem.invalid("Write a comment first.");
        }
        if (text.length() > MAX_COMMENT) {
            throw CommunityProblem.invalid("Keep comments to " + MAX_COMMENT + " characters.");
        }
        return text;
    }

    /** Edits a post; its author and moderators may change everything, established members only a question's tags. */
    void edit(Actor actor, long postId, String title, String body, String tagText) {
        Post post = posts.findById(postId).orElseThrow(() -> CommunityProblem.notFound("post"));
        ForumThread thread = threads.findById(post.threadId()).orElseThrow();
        EditRights rights = editRights(post, thread, actor);
        if (!rights.body() && !rights.tags()) {
            throw CommunityProblem.forbidden("You cannot edit this post.");
        }
        String newBody = rights.body() ? checkBody(body) : post.body();
        String newTitle = post.isQuestion() && rights.body() ? checkTitle(title) : thread.title();
        List<String> newTags = post.isQuestion() ? parseTags(tagText) : List.of();
        if (rights.body()
                && !actor.moderator()
                && LINK.matcher(newBody).results().count()
                        > LINK.matcher(post.body()).results().count()
                && !reputation.has(actor, TrustLevel.MEMBER)
                && LINK.matcher(newBody).results().count() > settings.newMemberMaxLinks()) {
            throw CommunityProblem.forbidden(
                    "New members can use at most " + settings.newMemberMaxLinks() + " links in a post.");
        }
        boolean changed = !newBody.equals(post.body())
                || (post.isQuestion() && (!newTitle.equals(thread.title()) || !newTags.equals(thread.tags())));
        if (!changed) {
            return;
        }
        Instant now = clock.instant();
        post.edit(newBody, now);
        if (post.isQuestion()) {
            thread.retitle(newTitle, newTags);
        }
        revisions.save(new Revision(
                post.id(),
                revisions.lastNumber(post.id()) + 1,
                actor.id(),
                post.isQuestion() ? newTitle : null,
                post.isQuestion() ? String.join(",", newTags) : null,
                newBody,
                now));
        thread.touch(now);
        if (actor.moderator() && actor.id() != post.authorId()) {
            log("EDIT", actor.id(), thread.id(), post.id(), null);
        }
        events.publishEvent(new ThreadChanged(thread.id()));
    }

    // ---- votes and acceptance

    /** Sets the actor's vote on a post: 1 up, -1 down, 0 withdraws it. Returns the post's new score. */
    int vote(Actor actor, long postId, int value) {
        if (value < -1 || value > 1) {
            throw CommunityProblem.invalid("A vote is up, down or none.");
        }
        Post post = visiblePost(postId, actor);
        ForumThread thread = threads.findById(post.threadId()).orElseThrow();
        if (post.authorId() == actor.id()) {
            throw CommunityProblem.forbidden("You cannot vote on your own post.");
        }
        if (thread.locked()) {
            throw CommunityProblem.forbidden("This thread is locked: votes are closed.");
        }
        if (value < 0 && !reputation.has(actor, TrustLevel.ESTABLISHED)) {
            throw CommunityProblem.forbidden(
                    "Voting down needs " + settings.establishedReputation() + " reputation (established member).");
        }
        limits.vote(actor);
        Instant now = clock.instant();
        Optional<Vote> existing = votes.findByPostIdAndVoterId(post.id(), actor.id());
        if (value == 0) {
            existing.ifPresent(votes::delete);
        } else if (existing.isPresent()) {
            existing.get().change(value, now);
        } else {
            votes.save(new Vote(post.id(), actor.id(), value, now));
        }
        votes.flush();
        post.score(votes.scoreOf(post.id()));
        if (post.isQuestion()) {
            thread.score(post.score());
        }
        reputation.voted(post, actor.id(), value);
        events.publishEvent(new ThreadChanged(thread.id()));
        return post.score();
    }

    /** Accepts an answer (replacing any earlier accepted one); the asker or a moderator may. */
    void accept(Actor actor, long answerId) {
        Post answer = visiblePost(answerId, actor);
        if (answer.isQuestion()) {
            throw CommunityProblem.invalid("Only answers can be accepted.");
        }
        ForumThread thread = threads.findById(answer.threadId()).orElseThrow();
        if (thread.authorId() != actor.id() && !actor.moderator()) {
            throw CommunityProblem.forbidden("Only the person who asked (or a moderator) can accept an answer.");
        }
        if (thread.locked()) {
            throw CommunityProblem.forbidden("This thread is locked.");
        }
        if (answer.accepted()) {
            return;
        }
        if (thread.acceptedAnswerId() != null) {
            posts.findById(thread.acceptedAnswerId()).ifPresent(previous -> {
                previous.accepted(false);
                reputation.unaccepted(previous, thread.authorId());
            });
        }
        answer.accepted(true);
        posts.flush();
        thread.accept(answer.id());
        thread.touch(clock.instant());
        reputation.accepted(answer, thread.authorId());
        if (actor.moderator() && actor.id() != thread.authorId()) {
            log("ACCEPT", actor.id(), thread.id(), answer.id(), null);
        }
        if (answer.authorId() != actor.id()) {
            notifier.notify(
                    answer.authorId(),
                    Notification.Kind.ACCEPTED,
                    thread,
                    answer.id(),
                    "Your answer to \"" + thread.title() + "\" was accepted.");
        }
        events.publishEvent(new AnswerAccepted(thread.id(), answer.id(), answer.authorId()));
    }

    /** Withdraws the acceptance of an answer. */
    void unaccept(Actor actor, long answerId) {
        Post answer = visiblePost(answerId, actor);
        ForumThread thread = threads.findById(answer.threadId()).orElseThrow();
        if (thread.authorId() != actor.id() && !actor.moderator()) {
            throw CommunityProblem.forbidden(
                    "Only the person who asked (or a moderator) can change the accepted answer.");
        }
        if (!answer.accepted()) {
            return;
        }
        answer.accepted(false);
        thread.accept(null);
        reputation.unaccepted(answer, thread.authorId());
        events.publishEvent(new ThreadChanged(thread.id()));
    }

    /** Agents mark an answer as the company's official one (or take the mark away). */
    void markOfficial(Actor actor, long answerId, boolean official) {
        if (!actor.agent()) {
            throw CommunityProblem.forbidden("Only support agents can mark official answers.");
        }
        Post answer = visiblePost(answerId, actor);
        if (answer.isQuestion()) {
            throw CommunityProblem.invalid("Only answers can be official.");
        }
        answer.official(official);
        events.publishEvent(new ThreadChanged(answer.threadId()));
    }

    // ---- following and notifications

    void followThread(Actor actor, long threadId, boolean follow) {
        ForumThread thread = threads.findById(threadId)
                .filter(t -> !t.hidden() || actor.moderator())
                .orElseThrow(() -> CommunityProblem.notFound("thread"));
        if (follow) {
            follow(actor.id(), thread.id(), null);
        } else {
            follows.unfollowThread(actor.id(), thread.id());
        }
    }

    void followTopic(Actor actor, String topicSlug, boolean follow) {
        Topic topic = topics.findBySlug(topicSlug).orElseThrow(() -> CommunityProblem.notFound("topic"));
        if (follow) {
            follow(actor.id(), null, topic.id());
        } else {
            follows.unfollowTopic(actor.id(), topic.id());
        }
    }

    @Transactional(readOnly = true)
    boolean followsTopic(Actor actor, String topicSlug) {
        return actor != null
                && topics.findBySlug(topicSlug)
                        .flatMap(t -> follows.findByAccountIdAndTopicId(actor.id(), t.id()))
                        .isPresent();
    }

    @Transactional(readOnly = true)
    long unreadCount(long accountId) {
        return notifications.countByAccountIdAndReadAtIsNull(accountId);
    }

    @Transactional(readOnly = true)
    Page<NotificationView> notifications(long accountId, int page) {
        return notifications
                .findByAccountIdOrderByIdDesc(accountId, PageRequest.of(Math.max(0, page), PAGE_SIZE))
                .map(Notification::toView);
    }

    void markAllRead(long accountId) {
        Instant now = clock.instant();
        notifications.findByAccountIdAndReadAtIsNull(accountId).forEach(n -> n.read(now));
    }

    /** Whether the token belongs to a member (for the unsubscribe page). */
    @Transactional(readOnly = true)
    boolean knownUnsubscribeToken(String token) {
        return token != null
                && token.length() <= 64
                && mailPreferences.findByToken(token).isPresent();
    }

    /** Turns forum emails off (or on) for the member the token belongs to; false for an unknown token. */
    boolean setMail(String token, boolean enabled) {
        if (token == null || token.length() > 64) {
            return false;
        }
        return mailPreferences
                .findByToken(token)
                .map(p -> {
                    p.mailEnabled(enabled);
                    return true;
                })
                .orElse(false);
    }

    @Transactional(readOnly = true)
    boolean mailEnabled(long accountId) {
        return mailPreferences
                .findById(accountId)
                .map(MailPreference::mailEnabled)
                .orElse(true);
    }

    void setMail(long accountId, boolean enabled) {
        notifier.preference(accountId).mailEnabled(enabled);
    }

    // ---- reputation

    @Transactional(readOnly = true)
    TrustLevel trustLevel(long accountId) {
        return reputation.trustLevel(accountId);
    }

    /** Top members by points earned since the start of this month (UTC), or of all time. */
    @Transactional(readOnly = true)
    List<LeaderboardEntry> leaderboard(boolean thisMonth, int limit) {
        Instant since = thisMonth
                ? YearMonth.now(clock.withZone(ZoneOffset.UTC))
                        .atDay(1)
                        .atStartOfDay()
                        .toInstant(ZoneOffset.UTC)
                : Instant.EPOCH;
        Names names = new Names();
        List<LeaderboardEntry> entries = new ArrayList<>();
        for (Object[] row : reputation.leaders(since, limit)) {
            long id = ((Number) row[0]).longValue();
            entries.add(new LeaderboardEntry(entries.size() + 1, id, names.of(id), ((Number) row[1]).longValue()));
        }
        return entries;
    }

    // ---- flags and moderation

    /** Flags a post; enough trusted flags hide it until a moderator decides. */
    void flag(Actor actor, long postId, String reasonText, String note) {
        Post post = visiblePost(postId, actor);
        if (post.authorId() == actor.id()) {
            throw CommunityProblem.forbidden("You cannot flag your own post.");
        }
        FlagInput input = flagInput(actor, reasonText, note);
        if (flags.existsByPostIdAndFlaggerId(post.id(), actor.id())) {
            throw new CommunityProblem(CommunityProblem.Kind.CONFLICT, "You already flagged this post.");
        }
        flags.save(new Flag(post.id(), actor.id(), input.reason(), input.note(), input.trusted(), clock.instant()));
        flags.flush();
        long trustedFlags = flags.countByPostIdAndStatusAndTrustedTrue(post.id(), Flag.Status.OPEN);
        if (!post.hidden() && trustedFlags >= settings.autoHideFlags()) {
            hide(post, null, "AUTO_HIDE", trustedFlags + " trusted flags");
        }
    }

    /** Flags a comment, as {@link #flag} a post: enough trusted flags hide it until a moderator decides. */
    void flagComment(Actor actor, long commentId, String reasonText, String note) {
        Comment comment = comments.findById(commentId)
                .filter(c -> !c.hidden() || (actor != null && actor.moderator()))
                .orElseThrow(() -> CommunityProblem.notFound("comment"));
        Post post = visiblePost(comment.postId(), actor);
        if (comment.authorId() == actor.id()) {
            throw CommunityProblem.forbidden("You cannot flag your own comment.");
        }
        FlagInput input = flagInput(actor, reasonText, note);
        if (commentFlags.existsByCommentIdAndFlaggerId(comment.id(), actor.id())) {
            throw new CommunityProblem(CommunityProblem.Kind.CONFLICT, "You already flagged this comment.");
        }
        commentFlags.save(new CommentFlag(
                comment.id(), actor.id(), input.reason(), input.note(), input.trusted(), clock.instant()));
        commentFlags.flush();
        long trustedFlags = commentFlags.countByCommentIdAndStatusAndTrustedTrue(comment.id(), Flag.Status.OPEN);
        if (!comment.hidden() && trustedFlags >= settings.autoHideFlags()) {
            comment.hidden(true);
            log(
                    "AUTO_HIDE_COMMENT",
                    null,
                    post.threadId(),
                    post.id(),
                    "comment #" + comment.id() + ": " + trustedFlags + " trusted flags");
        }
    }

    private record FlagInput(Flag.Reason reason, String note, boolean trusted) {}

    /** The checks every flag passes (reputation, reason, note) and whether it counts as trusted. */
    private FlagInput flagInput(Actor actor, String reasonText, String note) {
        if (!reputation.has(actor, TrustLevel.MEMBER)) {
            throw CommunityProblem.forbidden("Flagging needs " + settings.memberReputation()
                    + " reputation. A moderator will still see" + " posts others flag.");
        }
        Flag.Reason reason;
        try {
            reason = Flag.Reason.valueOf(
                    reasonText == null ? "" : reasonText.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CommunityProblem.invalid("Choose why you flag this post.");
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > 500) {
            throw CommunityProblem.invalid("Keep the note to 500 characters.");
        }
        if (reason == Flag.Reason.NEEDS_MODERATOR && cleanNote == null) {
            throw CommunityProblem.invalid("Tell the moderators what needs their attention.");
        }
        return new FlagInput(reason, cleanNote, reputation.has(actor, TrustLevel.ESTABLISHED));
    }

    /** Moderator decisions on a comment: hide or uphold its flags (hidden), restore or dismiss them (shown). */
    void moderateComment(Actor actor, long commentId, String action, String note) {
        requireModerator(actor);
        Comment comment = comments.findById(commentId).orElseThrow(() -> CommunityProblem.notFound("comment"));
        Post post = posts.findById(comment.postId()).orElseThrow();
        Instant now = clock.instant();
        String logged = switch (action) {
            case "hide" -> "HIDE_COMMENT";
            case "uphold" -> "UPHOLD_COMMENT_FLAGS";
            case "restore" -> "RESTORE_COMMENT";
            case "dismiss" -> "DISMISS_COMMENT_FLAGS";
            default -> throw CommunityProblem.invalid("Unknown moderation action.");
        };
        boolean hide = action.equals("hide") || action.equals("uphold");
        commentFlags
                .findByCommentIdAndStatus(comment.id(), Flag.Status.OPEN)
                .forEach(f -> f.resolve(hide ? Flag.Status.UPHELD : Flag.Status.DISMISSED, actor.id(), now));
        comment.hidden(hide);
        String detail = "comment #" + comment.id() + (note == null || note.isBlank() ? "" : ": " + note.strip());
        log(logged, actor.id(), post.threadId(), post.id(), detail.length() > 500 ? detail.substring(0, 500) : detail);
    }

    /** The thread a comment belongs to (for redirects). */
    @Transactional(readOnly = true)
    long threadOfComment(long commentId) {
        return comments.findById(commentId)
                .map(c -> threadOf(c.postId()))
                .orElseThrow(() -> CommunityProblem.notFound("comment"));
    }

    /** Open flags and held posts, oldest first. */
    @Transactional(readOnly = true)
    List<FlaggedPost> queue(Actor actor) {
        requireModerator(actor);
        Names names = new Names();
        Map<Long, List<Flag>> byPost = flags.findByStatusOrderByIdAsc(Flag.Status.OPEN).stream()
                .collect(Collectors.groupingBy(Flag::postId, java.util.LinkedHashMap::new, Collectors.toList()));
        List<FlaggedPost> items = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>();
        Stream.concat(
                        byPost.keySet().stream(),
                        posts.findByHeldTrueOrderByIdAsc().stream().map(Post::id))
                .filter(seen::add)
                .forEach(postId -> posts.findById(postId).ifPresent(post -> {
                    ForumThread thread = threads.findById(post.threadId()).orElseThrow();
                    String text = markdown.toPlainText(post.body());
                    items.add(new FlaggedPost(
                            post.id(),
                            thread.id(),
                            thread.title(),
                            thread.url() + "#post-" + post.id(),
                            post.isQuestion(),
                            names.of(post.authorId()),
                            text.length() > 300 ? text.substring(0, 300) + "…" : text,
                            post.hidden(),
                            post.held(),
                            byPost.getOrDefault(post.id(), List.of()).stream()
                                    .map(f -> new FlaggedPost.FlagView(
                                            f.reason().label(), f.note(), names.of(f.flaggerId()), f.trusted()))
                                    .toList(),
                            null));
                }));
        Map<Long, List<CommentFlag>> byComment = commentFlags.findByStatusOrderByIdAsc(Flag.Status.OPEN).stream()
                .collect(Collectors.groupingBy(
                        CommentFlag::commentId, java.util.LinkedHashMap::new, Collectors.toList()));
        byComment.forEach((commentId, open) -> comments.findById(commentId).ifPresent(comment -> {
            Post post = posts.findById(comment.postId()).orElseThrow();
            ForumThread thread = threads.findById(post.threadId()).orElseThrow();
            items.add(new FlaggedPost(
                    post.id(),
                    thread.id(),
                    thread.title(),
                    thread.url() + "#comment-" + comment.id(),
                    post.isQuestion(),
                    names.of(comment.authorId()),
                    comment.body(),
                    comment.hidden(),
                    false,
                    open.stream()
                            .map(f -> new FlaggedPost.FlagView(
                                    f.reason().label(), f.note(), names.of(f.flaggerId()), f.trusted()))
                            .toList(),
                    comment.id()));
        }));
        return items;
    }

    /** Moderator decisions on a post: hide, restore, approve (a held post), uphold or dismiss its flags. */
    void moderatePost(Actor actor, long postId, String action, String note) {
        requireModerator(actor);
        Post post = posts.findById(postId).orElseThrow(() -> CommunityProblem.notFound("post"));
        ForumThread thread = threads.findById(post.threadId()).orElseThrow();
        Instant now = clock.instant();
        switch (action) {
            case "hide", "uphold" -> {
                flags.findByPostIdAndStatus(post.id(), Flag.Status.OPEN)
                        .forEach(f -> f.resolve(Flag.Status.UPHELD, actor.id(), now));
                if (!post.hidden()) {
                    hide(post, actor.id(), action.equals("hide") ? "HIDE" : "UPHOLD_FLAGS", note);
                } else {
                    log(action.equals("hide") ? "HIDE" : "UPHOLD_FLAGS", actor.id(), thread.id(), post.id(), note);
                }
            }
            case "restore", "dismiss", "approve" -> {
                flags.findByPostIdAndStatus(post.id(), Flag.Status.OPEN)
                        .forEach(f -> f.resolve(Flag.Status.DISMISSED, actor.id(), now));
                boolean wasHeld = post.held();
                post.hidden(false);
                post.held(false);
                if (post.isQuestion()) {
                    thread.hidden(false);
                }
                recount(thread);
                log(action.toUpperCase(Locale.ROOT), actor.id(), thread.id(), post.id(), note);
                if (wasHeld) {
                    if (post.isQuestion()) {
                        announceQuestion(
                                thread, topics.findById(thread.topicId()).orElseThrow(), null);
                    } else {
                        announceAnswer(thread, post, null);
                    }
                } else {
                    events.publishEvent(new ThreadChanged(thread.id()));
                }
            }
            default -> throw CommunityProblem.invalid("Unknown moderation action.");
        }
    }

    /** Moderator decisions on a thread: lock, unlock, close (reason, duplicate), reopen, move, merge. */
    void moderateThread(
            Actor actor, long threadId, String action, String reason, Long otherThreadId, String topicSlug) {
        requireModerator(actor);
        ForumThread thread = threads.findById(threadId).orElseThrow(() -> CommunityProblem.notFound("thread"));
        String detail = reason == null || reason.isBlank() ? null : reason.strip();
        switch (action) {
            case "lock" -> thread.lock();
            case "unlock", "reopen" -> thread.reopen();
            case "close" -> {
                if (detail == null && otherThreadId == null) {
                    throw CommunityProblem.invalid("Give a reason for closing the thread.");
                }
                Long duplicate = null;
                if (otherThreadId != null) {
                    duplicate = otherThread(thread, otherThreadId).id();
                    detail = detail == null ? "Duplicate of another thread" : detail;
                }
                thread.close(detail, duplicate);
            }
            case "move" -> {
                Topic topic = topics.findBySlug(topicSlug == null ? "" : topicSlug)
                        .orElseThrow(() -> CommunityProblem.invalid("Choose the topic to move the thread to."));
                thread.moveTo(topic.id());
                detail = "to " + topic.slug();
            }
            case "merge" -> {
                if (otherThreadId == null) {
                    throw CommunityProblem.invalid("Give the thread to merge into.");
                }
                ForumThread target = otherThread(thread, otherThreadId);
                for (Post post : posts.findByThreadIdOrderByIdAsc(thread.id())) {
                    if (!post.isQuestion()) {
                        if (post.accepted()) {
                            post.accepted(false);
                            reputation.unaccepted(post, thread.authorId());
                        }
                        post.moveTo(target.id());
                    }
                }
                posts.flush();
                thread.accept(null);
                thread.close("Merged into \"" + target.title() + "\"", target.id());
                recount(thread);
                recount(target);
                target.touch(clock.instant());
                detail = "into #" + target.id();
                events.publishEvent(new ThreadChanged(target.id()));
            }
            default -> throw CommunityProblem.invalid("Unknown moderation action.");
        }
        log(action.toUpperCase(Locale.ROOT), actor.id(), thread.id(), null, detail);
        events.publishEvent(new ThreadChanged(thread.id()));
    }

    @Transactional(readOnly = true)
    Page<ModerationLogEntry> moderationLog(Actor actor, int page) {
        requireModerator(actor);
        Names names = new Names();
        return moderationLog
                .findAllByOrderByIdDesc(PageRequest.of(Math.max(0, page), 50))
                .map(e -> new ModerationLogEntry(
                        e.moderatorId() == null ? "System" : names.of(e.moderatorId()),
                        e.action(),
                        e.threadId(),
                        e.postId(),
                        e.detail(),
                        e.createdAt()));
    }

    // ---- topics (administrators)

    TopicView saveTopic(
            Actor actor, boolean admin, Long id, String slug, String title, String description, int position) {
        if (!admin) {
            throw CommunityProblem.forbidden("Only administrators manage topics.");
        }
        String cleanTitle = title == null ? "" : title.strip();
        if (cleanTitle.isEmpty() || cleanTitle.length() > 120) {
            throw CommunityProblem.invalid("Give the topic a title of at most 120 characters.");
        }
        String cleanDescription = description == null || description.isBlank() ? null : description.strip();
        if (cleanDescription != null && cleanDescription.length() > 500) {
            throw CommunityProblem.invalid("Keep the description to 500 characters.");
        }
        if (id != null) {
            Topic topic = topics.findById(id).orElseThrow(() -> CommunityProblem.notFound("topic"));
            topic.update(cleanTitle, cleanDescription, position);
            log("TOPIC_UPDATED", actor.id(), null, null, topic.slug());
            return topic.toView();
        }
        String cleanSlug = Slugs.of(slug == null || slug.isBlank() ? cleanTitle : slug);
        if (topics.findBySlug(cleanSlug).isPresent()) {
            throw new CommunityProblem(
                    CommunityProblem.Kind.CONFLICT, "A topic with the address '" + cleanSlug + "' exists already.");
        }
        Topic topic = topics.save(new Topic(cleanSlug, cleanTitle, cleanDescription, position, clock.instant()));
        log("TOPIC_CREATED", actor.id(), null, null, cleanSlug);
        return topic.toView();
    }

    // ---- internals

    private void announceQuestion(ForumThread thread, Topic topic, Actor author) {
        long authorId = author == null ? thread.authorId() : author.id();
        for (Follow follow : follows.findByTopicId(topic.id())) {
            if (follow.accountId() != authorId) {
                notifier.notify(
                        follow.accountId(),
                        Notification.Kind.QUESTION,
                        thread,
                        null,
                        "New question in " + topic.title() + ": \"" + thread.title() + "\"");
            }
        }
        Post question = posts.findByThreadIdOrderByIdAsc(thread.id()).getFirst();
        notifyMentions(thread, question.id(), author == null ? actorFor(authorId) : author, question.body());
        events.publishEvent(new QuestionAsked(thread.id(), authorId, thread.title()));
    }

    private void announceAnswer(ForumThread thread, Post answer, Actor author) {
        Actor writer = author == null ? actorFor(answer.authorId()) : author;
        recount(thread);
        thread.touch(clock.instant());
        Set<Long> told = new LinkedHashSet<>();
        told.add(answer.authorId());
        for (Follow follow : follows.findByThreadId(thread.id())) {
            if (told.add(follow.accountId())) {
                notifier.notify(
                        follow.accountId(),
                        Notification.Kind.ANSWER,
                        thread,
                        answer.id(),
                        writer.name() + " answered \"" + thread.title() + "\"");
            }
        }
        notifyMentions(thread, answer.id(), writer, answer.body(), told);
        events.publishEvent(new AnswerPosted(thread.id(), answer.id(), answer.authorId()));
    }

    private void notifyMentions(ForumThread thread, long postId, Actor author, String text) {
        notifyMentions(thread, postId, author, text, new LinkedHashSet<>(Set.of(author.id())));
    }

    /**
     * Mentions reach people taking part in the thread (asker, answerers, commenters), written as {@code @name} with the
     * spaces of their display name left out; a mention nobody in the thread matches is plain text.
     */
    private void notifyMentions(ForumThread thread, long postId, Actor author, String text, Set<Long> alreadyTold) {
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
        Names names = new Names();
        Set<Long> told = new LinkedHashSet<>(alreadyTold);
        told.add(author.id());
        for (long participant : participants) {
            if (mentioned.contains(mentionKey(names.of(participant))) && told.add(participant)) {
                notifier.notify(
                        participant,
                        Notification.Kind.MENTION,
                        thread,
                        postId,
                        author.name() + " mentioned you in \"" + thread.title() + "\"");
            }
        }
    }

    private static String mentionKey(String name) {
        return name.replaceAll("\\s+", "").replaceAll("[.,:;!?-]+$", "").toLowerCase(Locale.ROOT);
    }

    private Actor actorFor(long accountId) {
        return accounts.findById(accountId)
                .map(Actor::of)
                .orElse(new Actor(accountId, "a member", false, false, Instant.EPOCH, false));
    }

    private void hide(Post post, Long moderatorId, String action, String detail) {
        ForumThread thread = threads.findById(post.threadId()).orElseThrow();
        post.hidden(true);
        if (post.isQuestion()) {
            thread.hidden(true);
        }
        recount(thread);
        log(action, moderatorId, thread.id(), post.id(), detail);
        events.publishEvent(new PostHidden(thread.id(), post.id(), post.isQuestion()));
    }

    private void recount(ForumThread thread) {
        posts.flush();
        int answers = (int) posts.findByThreadIdOrderByIdAsc(thread.id()).stream()
                .filter(p -> !p.isQuestion() && p.visible())
                .count();
        thread.answerCount(answers);
    }

    private ForumThread otherThread(ForumThread thread, long otherId) {
        if (otherId == thread.id()) {
            throw CommunityProblem.invalid("A thread cannot be a duplicate of itself.");
        }
        return threads.findById(otherId)
                .filter(t -> !t.hidden())
                .orElseThrow(() -> CommunityProblem.invalid("There is no visible thread #" + otherId + "."));
    }

    private void follow(long accountId, Long threadId, Long topicId) {
        boolean exists = threadId != null
                ? follows.findByAccountIdAndThreadId(accountId, threadId).isPresent()
                : follows.findByAccountIdAndTopicId(accountId, topicId).isPresent();
        if (!exists) {
            follows.save(new Follow(accountId, threadId, topicId, clock.instant()));
        }
    }

    private void log(String action, Long moderatorId, Long threadId, Long postId, String detail) {
        moderationLog.save(new ModerationEntry(moderatorId, action, threadId, postId, detail, clock.instant()));
    }

    private void requireModerator(Actor actor) {
        if (actor == null || !actor.moderator()) {
            throw CommunityProblem.forbidden("Only moderators can do this.");
        }
    }

    /** A post the actor may see and act on; hidden and held posts only for moderators (and held ones for the author). */
    private Post visiblePost(long postId, Actor actor) {
        Post post = posts.findById(postId).orElseThrow(() -> CommunityProblem.notFound("post"));
        boolean moderator = actor != null && actor.moderator();
        if (!post.visible() && !moderator) {
            throw CommunityProblem.notFound("post");
        }
        ForumThread thread = threads.findById(post.threadId()).orElseThrow();
        if (thread.hidden() && !moderator) {
            throw CommunityProblem.notFound("post");
        }
        return post;
    }

    private record EditRights(boolean body, boolean tags) {}

    private EditRights editRights(Post post, ForumThread thread, Actor actor) {
        if (actor == null || actor.suspended()) {
            return new EditRights(false, false);
        }
        if (actor.moderator()) {
            return new EditRights(true, post.isQuestion());
        }
        if (thread.locked() || post.hidden()) {
            return new EditRights(false, false);
        }
        if (post.authorId() == actor.id()) {
            return new EditRights(true, post.isQuestion());
        }
        boolean tags = post.isQuestion() && !thread.hidden() && reputation.has(actor, TrustLevel.ESTABLISHED);
        return new EditRights(false, tags);
    }

    /**
     * Checks the limits that apply before posting; returns whether the post must be held for review (a new member's
     * post with more links than allowed).
     */
    private boolean checkCanPost(Actor actor, String text) {
        if (actor.suspended()) {
            throw CommunityProblem.forbidden("Your account is suspended.");
        }
        if (actor.moderator()) {
            return false;
        }
        boolean newMember = !reputation.has(actor, TrustLevel.MEMBER);
        Instant now = clock.instant();
        if (newMember
                && actor.joined() != null
                && actor.joined().plus(Duration.ofDays(1)).isAfter(now)) {
            Instant since = actor.joined();
            long written = posts.countByAuthorIdAndCreatedAtAfter(actor.id(), since.minusSeconds(1))
                    + comments.countByAuthorIdAndCreatedAtAfter(actor.id(), since.minusSeconds(1));
            if (written >= settings.newMemberPostsFirstDay()) {
                long seconds = Duration.between(now, actor.joined().plus(Duration.ofDays(1)))
                        .toSeconds();
                throw new CommunityProblem(
                        CommunityProblem.Kind.RATE_LIMITED,
                        "New members can write " + settings.newMemberPostsFirstDay()
                                + " posts in their first day. Try again in " + Math.max(1, seconds) + " seconds.",
                        Math.max(1, seconds));
            }
        }
        limits.post(actor);
        return newMember && LINK.matcher(text).results().count() > settings.newMemberMaxLinks();
    }

    private static String checkTitle(String title) {
        String clean = title == null ? "" : title.strip().replaceAll("\\s+", " ");
        if (clean.length() < MIN_TITLE) {
            throw CommunityProblem.invalid("Write a title of at least " + MIN_TITLE + " characters.");
        }
        if (clean.length() > MAX_TITLE) {
            throw CommunityProblem.invalid("Keep the title to " + MAX_TITLE + " characters.");
        }
        return clean;
    }

    private static String checkBody(String body) {
        String clean = body == null ? "" : body.strip();
        if (clean.length() < MIN_BODY) {
            throw CommunityProblem.invalid("Write at least " + MIN_BODY + " characters.");
        }
        if (clean.length() > MAX_BODY) {
            throw CommunityProblem.invalid("Keep it to " + MAX_BODY + " characters.");
        }
        return clean;
    }

    /** Tags: comma- or space-separated, lower case, letters, digits and {@code . + # -}, at most five. */
    static List<String> parseTags(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String raw : text.split("[,\\s]+")) {
            String tag = raw.strip().toLowerCase(Locale.ROOT);
            if (tag.isEmpty()) {
                continue;
            }
            if (!TAG.matcher(tag).matches()) {
                throw CommunityProblem.invalid("Tags use letters, digits and . + # - (at most 40 characters): '"
                        + (tag.length() > 40 ? tag.substring(0, 40) + "…" : tag) + "' does not.");
            }
            tags.add(tag);
        }
        if (tags.size() > MAX_TAGS) {
            throw CommunityProblem.invalid("Use at most " + MAX_TAGS + " tags.");
        }
        return tags.stream().sorted().toList();
    }

    private Page<ThreadSummary> summaries(Page<ForumThread> page) {
        Names names = new Names();
        Map<Long, Topic> topicsById =
                topics.findAll().stream().collect(Collectors.toMap(Topic::id, Function.identity()));
        return page.map(t -> summary(t, topicsById.get(t.topicId()), names));
    }

    private ThreadSummary summary(ForumThread t) {
        return summary(t, topics.findById(t.topicId()).orElseThrow(), new Names());
    }

    private ThreadSummary summary(ForumThread t, Topic topic, Names names) {
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

    private PostView toView(
            Post post,
            ForumThread thread,
            Actor viewer,
            TrustLevel level,
            Map<Long, List<Comment>> commentsByPost,
            Map<Long, Integer> myVotes,
            Names names) {
        boolean signedIn = viewer != null && !viewer.suspended();
        boolean moderator = signedIn && viewer.moderator();
        boolean own = signedIn && viewer.id() == post.authorId();
        boolean open = !thread.locked();
        EditRights rights = editRights(post, thread, viewer);
        return new PostView(
                post.id(),
                post.isQuestion(),
                post.authorId(),
                names.of(post.authorId()),
                post.body(),
                markdown.render(post.body()).html(),
                post.score(),
                post.accepted(),
                post.official(),
                post.hidden(),
                post.held(),
                post.createdAt(),
                post.editedAt(),
                myVotes.getOrDefault(post.id(), 0),
                commentsByPost.getOrDefault(post.id(), List.of()).stream()
                        .map(c -> new CommentView(
                                c.id(),
                                c.authorId(),
                                names.of(c.authorId()),
                                c.body(),
                                c.createdAt(),
                                c.editedAt(),
                                c.hidden(),
                                canEditComment(c, thread, viewer),
                                signedIn
                                        && viewer.id() != c.authorId()
                                        && !c.hidden()
                                        && post.visible()
                                        && (moderator || level.atLeast(TrustLevel.MEMBER))))
                        .toList(),
                rights.body() || rights.tags(),
                signedIn && !own && open && post.visible(),
                signedIn && !own && open && post.visible() && (moderator || level.atLeast(TrustLevel.ESTABLISHED)),
                signedIn && !own && post.visible() && (moderator || level.atLeast(TrustLevel.MEMBER)),
                signedIn
                        && !post.isQuestion()
                        && open
                        && post.visible()
                        && (moderator || viewer.id() == thread.authorId()),
                signedIn && !post.isQuestion() && viewer.agent() && post.visible(),
                signedIn && (open || moderator));
    }

    private IndexableThread toIndexable(ForumThread thread) {
        Topic topic = topics.findById(thread.topicId()).orElseThrow();
        List<Post> all = posts.findByThreadIdOrderByIdAsc(thread.id()).stream()
                .filter(Post::visible)
                .toList();
        String question = all.stream()
                .filter(Post::isQuestion)
                .findFirst()
                .map(p -> markdown.render(p.body()).plainText())
                .orElse("");
        String accepted = all.stream()
                .filter(Post::accepted)
                .findFirst()
                .map(p -> markdown.render(p.body()).plainText())
                .orElse("");
        List<String> top = all.stream()
                .filter(p -> !p.isQuestion() && !p.accepted())
                .sorted(Comparator.comparingInt((Post p) -> p.score())
                        .reversed()
                        .thenComparing(Post::id))
                .limit(TOP_ANSWERS_INDEXED)
                .map(p -> markdown.render(p.body()).plainText())
                .toList();
        return new IndexableThread(
                thread.id(),
                thread.slug(),
                thread.url(),
                thread.title(),
                question,
                accepted,
                top,
                thread.tags(),
                topic.slug(),
                topic.title(),
                thread.answerCount(),
                thread.score(),
                LocalDate.ofInstant(thread.lastActivityAt(), ZoneOffset.UTC));
    }

    /** Display names looked up once per request. */
    private final class Names {
        private final Map<Long, String> cache = new HashMap<>();

        String of(long accountId) {
            return cache.computeIfAbsent(
                    accountId,
                    id -> accounts.findById(id).map(UserAccount::displayName).orElse("Former member"));
        }
    }

    /** What a successful post returns: where to find it, and whether it waits for review. */
    record PostResult(long threadId, long postId, String url, boolean held) {}

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

    static boolean sameIds(List<Long> a, List<Long> b) {
        return Objects.equals(a, b);
    }
}

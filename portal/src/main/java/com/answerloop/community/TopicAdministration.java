package com.answerloop.community;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The forum's topics: listed for everyone, created and edited by administrators. */
@Service
@Transactional
class TopicAdministration {

    private final Topics topics;
    private final ModerationLog moderationLog;
    private final Clock clock;

    TopicAdministration(Topics topics, ModerationLog moderationLog, Clock clock) {
        this.topics = topics;
        this.moderationLog = moderationLog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<TopicView> topics() {
        return topics.findAllByOrderByPositionAscTitleAsc().stream()
                .map(Topic::toView)
                .toList();
    }

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
            moderationLog.record("TOPIC_UPDATED", actor.id(), null, null, topic.slug(), clock.instant());
            return topic.toView();
        }
        String cleanSlug = Slugs.of(slug == null || slug.isBlank() ? cleanTitle : slug);
        if (topics.findBySlug(cleanSlug).isPresent()) {
            throw new CommunityProblem(
                    CommunityProblem.Kind.CONFLICT, "A topic with the address '" + cleanSlug + "' exists already.");
        }
        Topic topic = topics.save(new Topic(cleanSlug, cleanTitle, cleanDescription, position, clock.instant()));
        moderationLog.record("TOPIC_CREATED", actor.id(), null, null, cleanSlug, clock.instant());
        return topic.toView();
    }
}

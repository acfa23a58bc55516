package com.answerloop.community;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The forum's topics. */
interface Topics extends JpaRepository<Topic, Long> {
    Optional<Topic> findBySlug(String slug);

    List<Topic> findAllByOrderByPositionAscTitleAsc();
}

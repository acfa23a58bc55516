package com.answerloop.knowledge;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface Categories extends JpaRepository<Category, Long> {

    Optional<Category> findByPath(String path);

    List<Category> findAllByOrderByPositionAscTitleAsc();
}

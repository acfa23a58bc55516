package com.answerloop.capture;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ArticleFlags extends JpaRepository<ArticleFlag, Long> {

    List<ArticleFlag> findByResolvedAtIsNullOrderByCreatedAtAsc();
}

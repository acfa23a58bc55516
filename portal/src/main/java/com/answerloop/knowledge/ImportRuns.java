package com.answerloop.knowledge;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ImportRuns extends JpaRepository<ImportRun, Long> {

    Optional<ImportRun> findTopByOrderByIdDesc();
}

package com.answerloop.cases;

import org.springframework.data.jpa.repository.JpaRepository;

interface Deflections extends JpaRepository<Deflection, Long> {}

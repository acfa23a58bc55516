package com.answerloop.shared.mail;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

/** The stored outgoing mails. */
interface OutboxMessages extends JpaRepository<OutboxMessage, Long> {

    List<OutboxMessage> findByOrderByIdDesc(Limit limit);
}

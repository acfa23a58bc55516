package com.answerloop.cases;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CaseAccessTokens extends JpaRepository<CaseAccessToken, Long> {

    Optional<CaseAccessToken> findByTokenHash(String tokenHash);

    @Modifying
    @Query("delete from CaseAccessToken t where t.caseId = :caseId")
    int deleteByCaseId(long caseId);
}

package com.answerloop.accounts;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The registered accounts. */
interface Accounts extends JpaRepository<Account, Long> {

    Optional<Account> findByEmail(String normalizedEmail);

    boolean existsByEmail(String normalizedEmail);

    boolean existsByDisplayNameKey(String key);

    boolean existsByDisplayNameKeyAndIdNot(String key, Long id);

    @Query("select count(a) > 0 from Account a join a.roles r where r = com.answerloop.accounts.Role.ADMIN")
    boolean existsAdmin();

    @Query("""
            select a from Account a
            where lower(a.email) like lower(concat('%', :text, '%'))
               or lower(a.displayName) like lower(concat('%', :text, '%'))
            order by a.id""")
    Page<Account> search(String text, Pageable pageable);
}

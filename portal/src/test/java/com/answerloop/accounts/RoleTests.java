package com.answerloop.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one definition of the roles: what the URL rules and every module's role question read. */
class RoleTests {

    @Test
    void anAdministratorHoldsEveryStaffRoleAndStaffAreMembers() {
        assertThat(Role.ADMIN.includes(Role.AGENT)).isTrue();
        assertThat(Role.ADMIN.includes(Role.MEMBER)).isTrue();
        assertThat(Role.EDITOR.includes(Role.MEMBER)).isTrue();
        assertThat(Role.AGENT.includes(Role.MODERATOR)).isFalse();
        assertThat(Role.MEMBER.includes(Role.AGENT)).isFalse();
    }

    @Test
    void theSecurityHierarchyIsTheOneTheUrlRulesHadBefore() {
        assertThat(Role.hierarchy().lines())
                .containsExactlyInAnyOrder(
                        "ROLE_ADMIN > ROLE_MODERATOR",
                        "ROLE_ADMIN > ROLE_AGENT",
                        "ROLE_ADMIN > ROLE_EDITOR",
                        "ROLE_MODERATOR > ROLE_MEMBER",
                        "ROLE_AGENT > ROLE_MEMBER",
                        "ROLE_EDITOR > ROLE_MEMBER");
    }

    @Test
    void onlyAgentsEditorsAndAdministratorsReadInternalKnowledge() {
        assertThat(Role.values())
                .filteredOn(role -> Role.INTERNAL_READERS.stream().anyMatch(role::includes))
                .containsExactlyInAnyOrder(Role.AGENT, Role.EDITOR, Role.ADMIN);
    }
}

package com.answerloop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * Architecture rules beyond the module boundaries that {@link ModularityTests} verifies, written as sentences: each
 * library has one home, so a change of library (or of its version) touches one module.
 */
class ArchitectureRulesTests {

    private static final JavaClasses PORTAL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.answerloop");

    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("com.answerloop");

    @Test
    void onlySearchTouchesLucene() {
        check(noClasses()
                .that()
                .resideOutsideOfPackage("com.answerloop.search..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.apache.lucene..")
                .because("the index is derived data owned by the search module"));
    }

    @Test
    void onlySharedMarkdownTouchesCommonmark() {
        check(noClasses()
                .that()
                .resideOutsideOfPackage("com.answerloop.shared.markdown..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.commonmark..")
                .because("every piece of Markdown is rendered and sanitised the same way, in one place"));
    }

    @Test
    void onlySharedMarkdownTouchesTheHtmlSanitizer() {
        check(noClasses()
                .that()
                .resideOutsideOfPackage("com.answerloop.shared.markdown..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.owasp.html..")
                .because("one allow-list decides which HTML a reader's browser may receive"));
    }

    @Test
    void controllersAreNotPublic() {
        check(classes()
                .that()
                .areAnnotatedWith(Controller.class)
                .or()
                .areAnnotatedWith(RestController.class)
                .should()
                .notBePublic()
                .because("a controller is a module's web entry point, never its API"));
    }

    @Test
    void onlyAccountsNamesRoles() {
        check(noClasses()
                .that()
                .resideOutsideOfPackage("com.answerloop.accounts..")
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(GrantedAuthority.class, SimpleGrantedAuthority.class, RoleHierarchy.class)
                .orShould()
                .callMethod(Authentication.class, "getAuthorities")
                .because("the roles and what each includes are defined once, in accounts: other modules ask"
                        + " accounts.Roles instead of reading authorities"));
    }

    /** Surefire runs the {@code *Tests} before packaging and Failsafe the {@code *IT} after; a full portal is an IT. */
    @Test
    void testsThatStartTheWholePortalAreIntegrationTests() {
        noClasses()
                .that(startTheWholePortal())
                .should()
                .haveSimpleNameEndingWith("Tests")
                .because("*Tests are unit and slice tests that start in seconds; whole-portal tests run as *IT")
                .check(TESTS);
    }

    private static DescribedPredicate<JavaClass> startTheWholePortal() {
        return DescribedPredicate.describe(
                "start the whole portal (@SpringBootTest on them or a superclass)",
                type -> Stream.concat(Stream.of(type), type.getAllRawSuperclasses().stream())
                        .anyMatch(each -> each.isMetaAnnotatedWith(SpringBootTest.class)
                                || each.isAnnotatedWith(SpringBootTest.class)));
    }

    private static void check(ArchRule rule) {
        rule.check(PORTAL);
    }
}

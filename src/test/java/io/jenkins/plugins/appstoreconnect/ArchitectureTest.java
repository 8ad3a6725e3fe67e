package io.jenkins.plugins.appstoreconnect;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The core/glue split and the test conventions, checked over the compiled classes. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.appstoreconnect");

    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.appstoreconnect");

    @Test
    void coreIsPureJava() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("io.jenkins.plugins.appstoreconnect.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("hudson..", "jenkins..", "org.kohsuke..", "org.jenkinsci..", "com.cloudbees..")
                .because("core must stay plain Java; Jenkins glue lives one package up");
        rule.check(MAIN);
    }

    @Test
    void cliUsesOnlyCore() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("io.jenkins.plugins.appstoreconnect.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("hudson..", "jenkins..", "org.kohsuke..", "org.jenkinsci..", "com.cloudbees..")
                .because("apple-jwt.jar ships core and cli only, without Jenkins");
        rule.allowEmptyShould(true).check(MAIN);
    }

    @Test
    void coreDoesNotDependOnGlue() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("io.jenkins.plugins.appstoreconnect.core..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages(
                        "io.jenkins.plugins.appstoreconnect.core..",
                        "java..",
                        "javax..",
                        "io.jsonwebtoken..",
                        "org.bouncycastle..",
                        "com.fasterxml.jackson..");
        rule.check(MAIN);
    }

    /** Core's packages (one per subject) depend on each other in one direction only. */
    @Test
    void corePackagesHaveNoCycles() {
        SlicesRuleDefinition.slices().matching("io.jenkins.plugins.appstoreconnect.core.(*)..").should().beFreeOfCycles()
                .check(MAIN);
    }

    /** The steps, the wrapper and the bindings use the credentials; the credentials never use them. */
    @Test
    void credentialsDoNotDependOnSteps() {
        noClasses().that().resideInAPackage("io.jenkins.plugins.appstoreconnect.credentials..")
                .should().dependOnClassesThat().resideInAPackage("io.jenkins.plugins.appstoreconnect.steps..")
                .check(MAIN);
    }

    /** No source package is called {@code build}: many tools and ignore files take such a folder for build output. */
    @Test
    void noPackageIsCalledBuild() {
        List<String> found = MAIN.stream().map(JavaClass::getPackageName)
                .filter(p -> List.of(p.split("\\.")).contains("build")).distinct().toList();
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), found);
    }

    @Test
    void testsThatNeedJenkinsAreTagged() {
        ArchRule rule = classes()
                .that()
                .areAnnotatedWith(WithJenkins.class)
                .or()
                .containAnyFieldsThat(DescribedPredicate.describe(
                        "of a jenkins-test-harness type", f -> f.getRawType().getPackageName().startsWith("org.jvnet.hudson.test")))
                .should()
                .beAnnotatedWith(NeedsJenkins.class)
                .because("the Central-only build excludes the needs-jenkins tag; an untagged harness test would fail there");
        rule.allowEmptyShould(true).check(TESTS);
    }

    /**
     * The harness starts a Jenkins each time it resolves a {@code JenkinsRule} parameter (and the second one cannot
     * bind the first one's port), so a test class that takes the rule in {@code @BeforeEach} must keep it in a field
     * instead of taking it again in its tests.
     */
    @Test
    void jenkinsIsStartedOncePerTest() {
        List<String> twice = new ArrayList<>();
        for (JavaClass c : TESTS) {
            if (!c.isAnnotatedWith(WithJenkins.class)) {
                continue;
            }
            boolean inSetUp = c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(BeforeEach.class) && takesRule(m));
            c.getMethods().stream()
                    .filter(m -> inSetUp && !m.isAnnotatedWith(BeforeEach.class) && !m.isAnnotatedWith(AfterEach.class)
                            && takesRule(m))
                    .forEach(m -> twice.add(m.getFullName()));
        }
        assertEquals(List.of(), twice, "these take a JenkinsRule that @BeforeEach already took");
    }

    private static boolean takesRule(JavaMethod m) {
        return m.getRawParameterTypes().stream().anyMatch(t -> t.getName().equals(JenkinsRule.class.getName()));
    }
}

package io.jenkins.plugins.appstoreconnect;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
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
}

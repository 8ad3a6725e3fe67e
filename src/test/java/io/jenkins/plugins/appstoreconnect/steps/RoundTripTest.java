package io.jenkins.plugins.appstoreconnect.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.FreeStyleProject;
import hudson.model.TaskListener;
import hudson.util.Secret;
import io.jenkins.plugins.appstoreconnect.NeedsJenkins;
import io.jenkins.plugins.appstoreconnect.TestKeys;
import io.jenkins.plugins.appstoreconnect.credentials.AppStoreConnectApiKeyImpl;
import java.util.List;
import org.htmlunit.html.HtmlForm;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.structs.describable.UninstantiatedDescribable;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Every step, the freestyle wrapper and every binding survive the round trips Jenkins puts them through: structs'
 * data binding (what the snippet generator writes and Pipeline reads back) and, for the wrapper, the job's
 * configuration form (real build only).
 */
@NeedsJenkins
@WithJenkins
class RoundTripTest {

    private static <T> void roundTrip(JenkinsRule r, Class<T> type, T before, String symbol) throws Exception {
        DescribableModel<T> model = DescribableModel.of(type);
        UninstantiatedDescribable written = model.uninstantiate2(before);
        assertEquals(symbol, written.getSymbol(), type.getSimpleName() + " is written under its symbol");
        T read = model.instantiate(written.getArguments(), TaskListener.NULL);
        r.assertEqualDataBoundBeans(before, read);
    }

    @Test
    void stepsWrapperAndBindingsSurviveTheSnippetGenerator(JenkinsRule r) throws Exception {
        WithAppStoreConnectTokenStep asc = new WithAppStoreConnectTokenStep("asc");
        asc.setScope(List.of("GET /v1/apps", "POST /v1/builds"));
        asc.setLifetime(900);
        asc.setJwtVariable("ASC_TOKEN");
        asc.setPrivateKeysDirVariable("");
        roundTrip(r, WithAppStoreConnectTokenStep.class, asc, null);

        WithAppleTokenStep apple = new WithAppleTokenStep("team-key", "weatherkit");
        apple.setServiceId("com.example.weatherkit-client");
        apple.setVariable("WEATHERKIT_TOKEN");
        apple.setLifetime(1800);
        roundTrip(r, WithAppleTokenStep.class, apple, null);

        CloudKitSignRequestStep sign = new CloudKitSignRequestStep("ck-s2s");
        sign.setSubpath("/database/1/iCloud.com.example.MyApp/development/public/records/query");
        sign.setBody("{}");
        roundTrip(r, CloudKitSignRequestStep.class, sign, null);

        AppStoreConnectKeyWrapper wrapper = new AppStoreConnectKeyWrapper("asc");
        wrapper.setScope("GET /v1/apps");
        wrapper.setLifetime(600);
        wrapper.setApiKeyPathVariable("FASTLANE_KEY_JSON");
        roundTrip(r, AppStoreConnectKeyWrapper.class, wrapper, null);

        AppStoreConnectApiKeyBinding ascBinding = new AppStoreConnectApiKeyBinding("asc");
        ascBinding.setKeyFilePathVariable("ASC_KEY_FILE");
        roundTrip(r, AppStoreConnectApiKeyBinding.class, ascBinding, "appStoreConnectApiKey");

        AppleTokenBinding appleBinding = new AppleTokenBinding("team-key", "apns");
        appleBinding.setVariable("APNS_TOKEN");
        roundTrip(r, AppleTokenBinding.class, appleBinding, "appleDeveloperKey");

        roundTrip(r, MapsTokenBinding.class, new MapsTokenBinding("maps-web", "MAPKIT_TOKEN"), "appleMapsToken");
        roundTrip(r, CloudKitApiTokenBinding.class, new CloudKitApiTokenBinding("ck-prod"), "cloudKitApiToken");
    }

    @Test
    void theFreestyleWrapperSurvivesTheJobsConfigurationForm(JenkinsRule r) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new AppStoreConnectApiKeyImpl(CredentialsScope.GLOBAL, "asc", "",
                "2X9R4HXF34", "57246542-96fe-1a63-e053-0824d011072a", Secret.fromString(TestKeys.pkcs8Pem(TestKeys.p256()))));
        SystemCredentialsProvider.getInstance().save();
        FreeStyleProject p = r.createFreeStyleProject();
        AppStoreConnectKeyWrapper before = new AppStoreConnectKeyWrapper("asc");
        before.setScope("GET /v1/apps\nPOST /v1/builds");
        before.setLifetime(600);
        before.setJwtVariable("ASC_TOKEN");
        before.setPrivateKeysDirVariable("");
        p.getBuildWrappersList().add(before);

        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            HtmlForm form = wc.getPage(p, "configure").getFormByName("config");
            r.submit(form);
        }
        r.assertEqualDataBoundBeans(before, p.getBuildWrappersList().get(0));
    }
}

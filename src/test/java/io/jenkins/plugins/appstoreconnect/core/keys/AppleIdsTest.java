package io.jenkins.plugins.appstoreconnect.core.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.appstoreconnect.core.InvalidInputException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AppleIdsTest {

    // ---- key ID

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2X9R4HXF34|2X9R4HXF34",
        "  2X9R4HXF34 \t|2X9R4HXF34",
        "2x9r4hxf34|2X9R4HXF34",
        "ABCDEFGHIJ|ABCDEFGHIJ",
        "0123456789|0123456789",
    })
    void validKeyIds(String input, String expected) {
        assertEquals(expected, AppleIds.requireKeyId(input));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL|The key ID is empty.",
        "''|The key ID is empty.",
        "'   '|The key ID is empty.",
        "2X9R4HXF3|The key ID has 9 characters; App Store Connect key IDs have exactly 10",
        "2X9R4HXF345|The key ID has 11 characters; App Store Connect key IDs have exactly 10",
        "2X9R 4HXF34|The key ID has 11 characters",
        "2X9R-HXF34|The key ID contains '-' at position 5",
        "2X9R4HXF3 4|The key ID has 11 characters",
        "2X9R4HX F3|The key ID contains a space at position 8",
        "2X9R4HXF3É|The key ID contains the character U+00C9 at position 10",
        "AuthKey_2X9R4HXF34.p8|The key ID field holds a file name; the key ID is the 10 characters after AuthKey_, here 2X9R4HXF34.",
    })
    void invalidKeyIds(String input, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> AppleIds.requireKeyId(input));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }

    @Test
    void keyIdMessageDoesNotEchoLongInput() {
        String pasted = "MIGTAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBHkwdwIBAQQg";
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> AppleIds.requireKeyId(pasted));
        assertFalse(e.getMessage().contains("MIGTAgEA"), e.getMessage());
        assertTrue(e.getMessage().contains("has " + pasted.length() + " characters"), e.getMessage());
    }

    // ---- issuer ID

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "69a6de70-03db-47e3-e053-5b8c7c11a4d1|69a6de70-03db-47e3-e053-5b8c7c11a4d1",
        "' 69A6DE70-03DB-47E3-E053-5B8C7C11A4D1\t'|69a6de70-03db-47e3-e053-5b8c7c11a4d1",
        "69a6de7003db47e3e0535b8c7c11a4d1|69a6de70-03db-47e3-e053-5b8c7c11a4d1",
    })
    void validIssuerIds(String input, String expected) {
        assertEquals(expected, AppleIds.requireIssuerId(input));
        assertEquals(expected, AppleIds.normalizeIssuerId(input));
        assertEquals(Optional.of(expected), AppleIds.optionalIssuerId(input));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL|The issuer ID is empty; team keys need one.",
        "' '|The issuer ID is empty; team keys need one.",
        "2X9R4HXF34|The issuer ID looks like a key ID",
        "69a6de70-03db-47e3-e053-5b8c7c11a4d|The issuer ID is not a UUID: the value given has 35 characters",
        "69a6de70-03db-47e3-e053-5b8c7c11a4dg|The issuer ID is not a UUID: the value given has 36 characters",
        "{69a6de70-03db-47e3-e053-5b8c7c11a4d1}|The issuer ID is not a UUID: the value given has 38 characters",
        "69a6de70_03db_47e3_e053_5b8c7c11a4d1|The issuer ID is not a UUID",
    })
    void invalidIssuerIds(String input, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> AppleIds.requireIssuerId(input));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
        assertTrue(e.getMessage().contains("69a6de70-03db-47e3-e053-5b8c7c11a4d1"), "shows an example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    void blankIssuerMeansIndividualKey(String input) {
        assertEquals(Optional.empty(), AppleIds.optionalIssuerId(input));
        assertEquals(Optional.empty(), AppleIds.optionalIssuerId(null));
    }

    @Test
    void optionalIssuerIdStillRejectsGarbage() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> AppleIds.optionalIssuerId("not-a-uuid"));
        assertTrue(e.getMessage().startsWith("The issuer ID is not a UUID"), e.getMessage());
    }

    // ---- file names

    @ParameterizedTest
    @ValueSource(strings = {
        "AuthKey_2X9R4HXF34.p8",
        " AuthKey_2X9R4HXF34.p8 ",
        "/Users/me/Downloads/AuthKey_2X9R4HXF34.p8",
        "C:\\Users\\me\\Downloads\\AuthKey_2X9R4HXF34.p8",
        "keys/AuthKey_2X9R4HXF34 (1).p8",
        "AuthKey_2X9R4HXF34(2).p8",
        "AuthKey_2X9R4HXF34-1.p8",
        "AuthKey_2X9R4HXF34 2.p8",
        "AuthKey_2X9R4HXF34 copy.p8",
        "AuthKey_2X9R4HXF34 copy 3.p8",
        "AuthKey_2x9r4hxf34.P8",
    })
    void keyIdFromFileName(String fileName) {
        assertEquals(Optional.of("2X9R4HXF34"), AppleIds.keyIdFromFileName(fileName));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "AuthKey_2X9R4HXF3.p8",
        "AuthKey_2X9R4HXF345.p8",
        "AuthKey_2X9R4HXF34.p8.txt",
        "AuthKey_2X9R4HXF34.pem",
        "AuthKey_2X9R4HXF34",
        "ApiKey_2X9R4HXF34.p8",
        "AuthKey-2X9R4HXF34.p8",
        "AuthKey_2X9R4-XF34.p8",
        "AuthKey_2X9R4HXF34.p8/",
        "my-key.p8",
        "AuthKey_2X9R4HXF34 (1) (2).p8",
    })
    void otherFileNamesGiveNoKeyId(String fileName) {
        assertEquals(Optional.empty(), AppleIds.keyIdFromFileName(fileName));
        assertEquals(Optional.empty(), AppleIds.keyIdFromFileName(null));
    }
}

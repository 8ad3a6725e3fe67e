/**
 * JSON in and out of core, through Jackson (as Jenkins' jackson2-api plugin ships it), configured for what core
 * reads and writes: token parts, Apple's answers and fastlane's key file.
 */
package io.jenkins.plugins.appstoreconnect.core.json;

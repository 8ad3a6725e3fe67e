package io.jenkins.plugins.appstoreconnect.offline.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles small sources with the processor and reads the index files it writes. */
class IndexedAnnotationProcessorTest {

    private static final String NL = System.lineSeparator();

    private static final Map<String, String> SOURCES = Map.ofEntries(
            Map.entry("org/jvnet/hudson/annotation_indexer/Indexed.java",
                    "package org.jvnet.hudson.annotation_indexer;\n"
                            + "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)\n"
                            + "@java.lang.annotation.Target(java.lang.annotation.ElementType.ANNOTATION_TYPE)\n"
                            + "public @interface Indexed {}\n"),
            Map.entry("a/Tag.java", "package a;\n@org.jvnet.hudson.annotation_indexer.Indexed\n"
                    + "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)\npublic @interface Tag {}\n"),
            Map.entry("a/Plain.java", "package a;\n@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)\n"
                    + "public @interface Plain {}\n"),
            Map.entry("a/Outer.java", "package a;\npublic class Outer {\n  @Tag @Plain public static class Inner {}\n}\n"),
            Map.entry("a/OnField.java", "package a;\npublic class OnField {\n  @Tag int x;\n  @Tag int y;\n}\n"),
            Map.entry("a/OnMethod.java", "package a;\npublic class OnMethod {\n  @Tag void m() {}\n}\n"),
            Map.entry("a/OnConstructor.java", "package a;\npublic class OnConstructor {\n  @Tag OnConstructor() {}\n}\n"),
            Map.entry("a/OnRecord.java", "package a;\n@Tag public record OnRecord(int x) {}\n"),
            Map.entry("a/OnParameter.java", "package a;\npublic class OnParameter {\n  void m(@Tag int x) {}\n}\n"),
            Map.entry("a/Untagged.java", "package a;\n@Plain public class Untagged {}\n"),
            Map.entry("b/package-info.java", "@a.Tag\npackage b;\n"));

    @Test
    void listsTheClassesUsingAnIndexedAnnotationSortedByBinaryName(@TempDir Path dir) throws IOException {
        Path out = compile(dir, null);
        Path index = out.resolve("META-INF/services/annotations/a.Tag");
        assertEquals("a.OnConstructor" + NL + "a.OnField" + NL + "a.OnMethod" + NL + "a.Outer$Inner" + NL + "b.*" + NL,
                Files.readString(index, StandardCharsets.UTF_8));
        assertFalse(Files.exists(out.resolve("META-INF/services/annotations/a.Plain")), "@Plain is not @Indexed");
        try (var files = Files.list(index.getParent())) {
            assertEquals(List.of("a.Tag"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void keepsTheLinesOfAnEarlierCompilation(@TempDir Path dir) throws IOException {
        Path out = compile(dir, "a.Earlier" + NL + "a.OnField" + NL);
        assertEquals("a.Earlier" + NL + "a.OnConstructor" + NL + "a.OnField" + NL + "a.OnMethod" + NL + "a.Outer$Inner" + NL
                + "b.*" + NL, Files.readString(out.resolve("META-INF/services/annotations/a.Tag"), StandardCharsets.UTF_8));
    }

    private static Path compile(Path dir, String existing) throws IOException {
        Path src = dir.resolve("src");
        Path out = dir.resolve("classes");
        Files.createDirectories(out);
        if (existing != null) {
            Path index = out.resolve("META-INF/services/annotations/a.Tag");
            Files.createDirectories(index.getParent());
            Files.writeString(index, existing, StandardCharsets.UTF_8);
        }
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> s : SOURCES.entrySet()) {
            Path f = src.resolve(s.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, s.getValue(), StandardCharsets.UTF_8);
            files.add(f);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
            JavaCompiler.CompilationTask task = javac.getTask(diagnostics, fm, null,
                    List.of("-d", out.toString(), "-proc:only", "--release", "17"), null, units);
            task.setProcessors(List.of(new IndexedAnnotationProcessor()));
            assertTrue(task.call(), diagnostics::toString);
        }
        return out;
    }
}

package io.jenkins.plugins.appstoreconnect.offline.index;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Lists the uses of every annotation type that is itself annotated
 * {@code @org.jvnet.hudson.annotation_indexer.Indexed}, as Jenkins' {@code Index.list} reads them.
 *
 * <p>For each such annotation {@code A} it writes {@code META-INF/services/annotations/<binary name of A>}
 * into the class output: one line per class that carries {@code A} on itself or on one of its fields,
 * methods or constructors (the binary name of that class, so {@code Outer$Inner}), and {@code pkg.*}
 * for a package annotated with {@code A}; lines are sorted and unique, UTF-8, each ended by the platform's line
 * separator. Uses on other kinds of element (records, parameters, ...) are not listed. Lines already in the
 * file from an earlier, incremental compilation are kept. Each file names the elements it was made from as
 * its originating elements.
 */
@SupportedAnnotationTypes("*")
public final class IndexedAnnotationProcessor extends AbstractProcessor {

    static final String INDEXED = "org.jvnet.hudson.annotation_indexer.Indexed";
    static final String FOLDER = "META-INF/services/annotations/";

    /** Per indexed annotation (binary name): the listed names and the elements they come from. */
    private final Map<String, Uses> uses = new TreeMap<>();

    private static final class Uses {
        final Set<String> names = new TreeSet<>();
        final Set<Element> origins = new LinkedHashSet<>();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latest();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (round.errorRaised()) {
            return false;
        }
        if (round.processingOver()) {
            uses.forEach(this::write);
            uses.clear();
            return false;
        }
        for (TypeElement annotation : annotations) {
            if (!carries(annotation, INDEXED)) {
                continue;
            }
            String name = binaryName(annotation);
            Uses u = uses.computeIfAbsent(name, this::existing);
            for (Element e : round.getElementsAnnotatedWith(annotation)) {
                String listed = listedName(e);
                if (listed != null) {
                    u.names.add(listed);
                    u.origins.add(e);
                }
            }
        }
        return false; // other processors (sezpoz) see the same annotations
    }

    /** The line a use on {@code e} contributes, or null for kinds of element that are not listed. */
    private String listedName(Element e) {
        switch (e.getKind()) {
            case CLASS:
            case INTERFACE:
            case ENUM:
            case ANNOTATION_TYPE:
                return binaryName((TypeElement) e);
            case FIELD:
            case METHOD:
            case CONSTRUCTOR:
                return binaryName((TypeElement) e.getEnclosingElement());
            case PACKAGE:
                return ((PackageElement) e).getQualifiedName() + ".*";
            default:
                return null;
        }
    }

    private boolean carries(Element e, String annotationBinaryName) {
        for (AnnotationMirror m : processingEnv.getElementUtils().getAllAnnotationMirrors(e)) {
            if (binaryName((TypeElement) m.getAnnotationType().asElement()).equals(annotationBinaryName)) {
                return true;
            }
        }
        return false;
    }

    private String binaryName(TypeElement type) {
        return processingEnv.getElementUtils().getBinaryName(type).toString();
    }

    private Uses existing(String annotation) {
        Uses u = new Uses();
        try {
            FileObject in = processingEnv.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "", FOLDER + annotation);
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in.openInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    u.names.add(line);
                }
            }
        } catch (FileNotFoundException | NoSuchFileException first) {
            // not written before
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "cannot read " + FOLDER + annotation + ": " + e);
        }
        return u;
    }

    private void write(String annotation, Uses u) {
        String file = FOLDER + annotation;
        try {
            FileObject out = processingEnv.getFiler().createResource(
                    StandardLocation.CLASS_OUTPUT, "", file, u.origins.toArray(new Element[0]));
            try (Writer w = new OutputStreamWriter(out.openOutputStream(), StandardCharsets.UTF_8)) {
                for (String name : u.names) {
                    w.write(name);
                    w.write(System.lineSeparator());
                }
            }
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "cannot write " + file + ": " + e);
        }
    }
}

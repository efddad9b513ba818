package nl.werkmatch.matcher.taxonomy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.common.base.Suppliers;

import nl.werkmatch.matcher.InvalidInputException;

/**
 * Loads a taxonomy in the CompetentNL-style JSON format (see the project's design notes):
 * <pre>{@code
 * {"id":"werkmatch-sample","version":"1","defaultLanguage":"nl",
 *  "completeLanguages":["nl","en"],"partialLanguages":["ar"],
 *  "skills":[{"id":"s-lassen","type":"SKILL","labels":{"nl":"Lassen","en":"Welding"},
 *             "altLabels":{"nl":["Elektrisch lassen"]},"broader":["s-metaalbewerking"],"related":[]}],
 *  "occupations":[{"id":"o-lasser","labels":{"nl":"Lasser"},"isco":"7212","sector":"techniek",
 *                  "skills":[{"id":"s-lassen","relevance":"ESSENTIAL"}]}]}
 * }</pre>
 * Everything is checked before anything is built, and every problem is reported with its JSON path in one
 * {@link InvalidInputException}: unknown fields, missing or mistyped values, duplicate ids, references to unknown
 * skills, self-references, repeated references, broader cycles (naming the ids on the cycle), a missing label in
 * the default language or in a language listed in {@code completeLanguages}, labels in a language not declared
 * (when the document declares its languages), and a preferred label used twice in one language (ignoring case)
 * among skills or among occupations.
 */
public final class TaxonomyJson {
    /** The classpath location of the bundled sample taxonomy. */
    public static final String SAMPLE_RESOURCE = "/nl/werkmatch/matcher/taxonomy/sample-taxonomy.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    // Memoized rather than a holder class: a failed load is retried instead of poisoning the class.
    private static final Supplier<SkillTaxonomy> SAMPLE = Suppliers.memoize(TaxonomyJson::loadSample);

    private TaxonomyJson() {
    }

    /**
     * Reads a taxonomy document from a stream (UTF-8 or any JSON encoding), leaving the stream open.
     *
     * @throws InvalidInputException listing every problem with its path, when the document is malformed or invalid
     * @throws IOException           when reading fails
     */
    public static SkillTaxonomy load(InputStream in) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("", "not valid JSON: " + e.getOriginalMessage() + where(e.getLocation()));
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidInputException("", "the taxonomy document is empty");
        }
        return TaxonomyJsonReader.read(root);
    }

    /** Reads a taxonomy document from a file; see {@link #load(InputStream)}. */
    public static SkillTaxonomy load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        }
    }

    /**
     * Reads a taxonomy document from the classpath, by absolute resource name such as {@link #SAMPLE_RESOURCE}.
     *
     * @throws FileNotFoundException when there is no such resource
     */
    public static SkillTaxonomy loadResource(String resource) throws IOException {
        try (InputStream in = TaxonomyJson.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new FileNotFoundException("no classpath resource " + resource);
            }
            return load(in);
        }
    }

    /**
     * The bundled sample taxonomy (Dutch and English labels, a few hundred skills, some dozens of occupations),
     * loaded once and shared.
     *
     * @throws UncheckedIOException when the resource is missing from the jar or cannot be read
     */
    public static SkillTaxonomy sample() {
        return SAMPLE.get();
    }

    private static SkillTaxonomy loadSample() {
        try {
            return loadResource(SAMPLE_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the bundled sample taxonomy", e);
        }
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}

package nl.werkmatch.matcher.taxonomy;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import nl.werkmatch.matcher.InvalidInputException;

/**
 * Streams a UTF-8 CSV file with a header row, one record at a time; columns are looked up by header name so
 * that their order does not matter. Quoted fields may span lines.
 */
final class CsvRows implements Closeable {
    private static final ObjectReader READER = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build()
            .readerFor(String[].class)
            .with(CsvSchema.emptySchema());

    private final String fileName;
    private final Reader reader;
    private final MappingIterator<String[]> records;
    private final List<String> header = new ArrayList<>();
    private String[] current;
    private int row;

    private CsvRows(Path file) throws IOException {
        this.fileName = file.getFileName().toString();
        this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        try {
            this.records = READER.readValues(reader);
            if (records.hasNextValue()) {
                for (String name : records.nextValue()) {
                    header.add(header.isEmpty() ? stripBom(name).strip() : name.strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    static CsvRows open(Path file) throws IOException {
        return new CsvRows(file);
    }

    String fileName() {
        return fileName;
    }

    /** The index of a header column, or -1 when the file has no such column. */
    int column(String name) {
        return header.indexOf(name);
    }

    /**
     * Advances to the next record; false at the end of the file.
     *
     * @throws InvalidInputException when the file is not well-formed CSV (an unclosed quote, for example)
     */
    boolean next() throws IOException {
        try {
            if (!records.hasNextValue()) {
                current = null;
                return false;
            }
            current = records.nextValue();
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(fileName + " row " + (row + 1), "not well-formed CSV: "
                    + e.getOriginalMessage());
        }
        row++;
        return true;
    }

    /** The value in a column of the current record; empty when the record is short or the column absent. */
    String get(int column) {
        return column < 0 || column >= current.length || current[column] == null ? "" : current[column];
    }

    /** The 1-based number of the current record, not counting the header. */
    int row() {
        return row;
    }

    @Override
    public void close() throws IOException {
        try {
            records.close();
        } finally {
            reader.close();
        }
    }

    private static String stripBom(String s) {
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }
}

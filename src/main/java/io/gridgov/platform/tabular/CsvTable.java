package io.gridgov.platform.tabular;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV import file. The encoding is found from a byte-order mark (UTF-8, UTF-16) or by decoding the
 * whole file strictly as UTF-8 and, failing that, as GBK (GB 18030, its superset); a file that is
 * neither is refused. Comma or tab separated (whichever the header line uses).
 */
public final class CsvTable implements Table {

	public static final Charset GBK = Charset.forName("GB18030");

	private final Path file;
	private Charset charset;
	private int skip;
	private char delimiter = ',';

	public CsvTable(Path file) {
		this.file = file;
	}

	@Override
	public Shape inspect() {
		detectEncoding();
		List<String> header = new ArrayList<>();
		int rows = 0;
		try (CSVParser parser = parser()) {
			for (CSVRecord record : parser) {
				if (record.getRecordNumber() == 1) {
					record.forEach(header::add);
				}
				else if (!blank(record)) {
					rows++;
				}
			}
		}
		catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
			throw new ImportFileException("import.unreadable", null);
		}
		return new Shape(header, rows, List.of());
	}

	@Override
	public void rows(Consumer<SourceRow> sink) {
		try (CSVParser parser = parser()) {
			for (CSVRecord record : parser) {
				if (record.getRecordNumber() == 1 || blank(record)) {
					continue;
				}
				Map<Integer, String> cells = new HashMap<>();
				for (int i = 0; i < record.size(); i++) {
					cells.put(i, record.get(i));
				}
				sink.accept(new SourceRow((int) record.getRecordNumber(), cells, Map.of()));
			}
		}
		catch (IOException e) {
			throw new ImportFileException("import.unreadable", null);
		}
	}

	private static boolean blank(CSVRecord record) {
		for (String value : record) {
			if (value != null && !value.isBlank()) {
				return false;
			}
		}
		return true;
	}

	private CSVParser parser() throws IOException {
		InputStream in = Files.newInputStream(file);
		in.skipNBytes(skip);
		Reader reader = new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
		return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get().parse(reader);
	}

	private void detectEncoding() {
		byte[] head = new byte[4];
		int read;
		try (InputStream in = Files.newInputStream(file)) {
			read = in.readNBytes(head, 0, 4);
		}
		catch (IOException e) {
			throw new ImportFileException("import.unreadable", null);
		}
		if (read >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
			charset = StandardCharsets.UTF_8;
			skip = 3;
		}
		else if (read >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
			charset = StandardCharsets.UTF_16LE;
			skip = 2;
		}
		else if (read >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
			charset = StandardCharsets.UTF_16BE;
			skip = 2;
		}
		else if (decodes(StandardCharsets.UTF_8)) {
			charset = StandardCharsets.UTF_8;
		}
		else if (decodes(GBK)) {
			charset = GBK;
		}
		else {
			throw new ImportFileException("import.encoding", null);
		}
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(skipped(), charset))) {
			String first = reader.readLine();
			if (first != null && first.indexOf('\t') >= 0 && first.indexOf(',') < 0) {
				delimiter = '\t';
			}
		}
		catch (IOException e) {
			throw new ImportFileException("import.unreadable", null);
		}
	}

	private InputStream skipped() throws IOException {
		InputStream in = Files.newInputStream(file);
		in.skipNBytes(skip);
		return in;
	}

	private boolean decodes(Charset candidate) {
		CharsetDecoder decoder = candidate.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		char[] buffer = new char[1 << 16];
		try (Reader reader = new InputStreamReader(Files.newInputStream(file), decoder)) {
			while (reader.read(buffer) >= 0) {
				// decoding the whole file is the check
			}
			return true;
		}
		catch (CharacterCodingException e) {
			return false;
		}
		catch (IOException e) {
			throw new ImportFileException("import.unreadable", null);
		}
	}

	public Charset charset() {
		return charset;
	}
}

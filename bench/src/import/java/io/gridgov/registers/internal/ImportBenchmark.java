package io.gridgov.registers.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.postgresql.PGConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import io.gridgov.GridGovApplication;
import io.gridgov.geo.GridInfo;
import io.gridgov.geo.Grids;
import io.gridgov.geo.WaihaiDemo;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.ActorPrincipal;

/**
 * The registers import benchmark (issue 5): generates a CSV and an XLSX of fictitious residents
 * (valid-checksum ID numbers with order codes 0xx–8xx, mobile numbers, addresses and points inside
 * the 77 Waihai grids), imports them through {@link ImportService#run} — the code the upload
 * endpoint's job runs: both passes, full validation, AES-GCM + HMAC, grid assignment by point,
 * households, tags, audit — into PostgreSQL, then loads the same CSV rows with {@code COPY} into a
 * table shaped like {@code registers_resident} without validation or encryption, as the baseline.
 * Peak heap is sampled every 10 ms and read from the heap pools' peak and after-GC usage.
 * Prints the figures and writes them as JSON to {@code bench.out}.
 */
public final class ImportBenchmark {

	private static final String[] HEADER = { "姓名", "身份证号", "手机号", "性别", "经度", "纬度", "地址", "楼栋", "单元", "房号",
			"户籍类型", "标签", "是否户主" };
	private static final String SURNAMES = "陈李黄张梁林何吴刘谭周钟冯区甄余关伍赵许邓麦杨郑罗谢叶苏容莫";
	private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰志红建文辉嘉欣俊彬淑颖振国家宝美玲永健海燕";
	private static final String[] ROADS = { "外海大道", "城隍路", "麻三路", "直冲路", "金瓯路", "龙溪路", "南山路", "湖滨路" };

	private record BenchPrincipal(Actor actor) implements ActorPrincipal {
	}

	public static void main(String[] args) throws Exception {
		int csvRows = Integer.getInteger("bench.csv.rows", 1_000_000);
		int xlsxRows = Integer.getInteger("bench.xlsx.rows", 200_000);
		Path dir = Path.of(System.getProperty("bench.dir", "bench/target/import-data"));
		Path out = Path.of(System.getProperty("bench.out", "bench/results/import.json"));
		Files.createDirectories(dir);
		Map<String, Object> props = new LinkedHashMap<>();
		props.put("spring.datasource.url", System.getProperty("bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/gridgov_bench_import"));
		props.put("spring.datasource.username", "postgres");
		props.put("spring.datasource.password", "");
		props.put("server.port", "0");
		props.put("gridgov.files.root", dir.resolve("files").toString());
		props.put("gridgov.registers.import.max-rows", String.valueOf(Math.max(csvRows, xlsxRows)));
		SpringApplication application = new SpringApplication(GridGovApplication.class);
		application.setAdditionalProfiles("demo");
		// as arguments: they must win over application.yml, which default properties do not
		String[] arguments = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
		try (ConfigurableApplicationContext context = application.run(arguments)) {
			List<double[]> points = points(context.getBean(Grids.class));
			Path csv = dir.resolve("residents-" + csvRows + ".csv");
			Path xlsx = dir.resolve("residents-" + xlsxRows + ".xlsx");
			long t = System.nanoTime();
			if (!Files.exists(csv)) {
				writeCsv(csv, csvRows, points, 1);
			}
			if (!Files.exists(xlsx) && xlsxRows > 0) {
				writeXlsx(xlsx, xlsxRows, points, 2);
			}
			System.out.printf(Locale.ROOT, "== files ready in %d ms: %s (%d MB), %s (%d MB)%n", (System.nanoTime() - t) / 1_000_000,
					csv, Files.size(csv) >> 20, xlsx, Files.size(xlsx) >> 20);

			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			// PostgreSQL's planner needs statistics to look households up by address through the index;
			// autovacuum gathers them on a production server, but this machine's PostgreSQL runs with
			// autovacuum off, so the fresh database is analysed once, after the demo load, as it would be
			jdbc.execute("ANALYZE");
			UUID user = jdbc.queryForObject("SELECT id FROM identity_user WHERE username = 'command'", UUID.class);
			Actor actor = new Actor(user, "command", Set.of("COMMAND_CENTRE"), WaihaiDemo.WAIHAI);
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new BenchPrincipal(actor), null, List.of()));
			ImportService imports = context.getBean(ImportService.class);
			ImportJobStore jobs = context.getBean(ImportJobStore.class);
			long residentsBefore = count(jdbc, "registers_resident");

			// -Dbench.steps=csv,copy runs a part only, for iterating on one figure; the default runs all
			Set<String> steps = Set.of(System.getProperty("bench.steps", "csv,xlsx,reimport,copy").split(","));
			Map<String, Object> csvResult = steps.contains("csv") ? importFile(imports, jobs, jdbc, actor, csv, csvRows) : Map.of();
			Map<String, Object> xlsxResult = steps.contains("xlsx") ? importFile(imports, jobs, jdbc, actor, xlsx, xlsxRows) : Map.of();
			Map<String, Object> again = steps.contains("reimport") ? importFile(imports, jobs, jdbc, actor, csv, csvRows) : Map.of();
			// -Dbench.writers=1,3: the CSV's rows (other ID numbers and addresses) again with each number of
			// writers, to compare them in one run at one load
			Map<String, Object> byWriters = new LinkedHashMap<>();
			for (String w : System.getProperty("bench.writers", "").split(",")) {
				if (!w.isBlank()) {
					Path variant = dir.resolve("residents-" + csvRows + "-w" + w.trim() + ".csv");
					if (!Files.exists(variant)) {
						// ID-number serials 5,000,000 + 400,000 k: between the two files' ranges, birth dates before today
						writeCsv(variant, csvRows, points, 10 + byWriters.size(), 5_000_000 + 400_000 * byWriters.size());
					}
					byWriters.put("writers" + w.trim(), importFile(imports, jobs, jdbc, actor, variant, csvRows, Integer.parseInt(w.trim())));
				}
			}
			long residentsAfter = count(jdbc, "registers_resident");
			Map<String, Object> copy = steps.contains("copy") ? copyBaseline(context.getBean(DataSource.class), jdbc, csv, csvRows)
					: Map.of();

			double csvRate = (double) csvResult.getOrDefault("rowsPerSecond", 0.0);
			double copyRate = (double) copy.getOrDefault("rowsPerSecond", 1.0);
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("date", LocalDate.now(ZoneOffset.UTC).toString());
			result.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
			result.put("cores", Runtime.getRuntime().availableProcessors());
			result.put("maxHeapMb", Runtime.getRuntime().maxMemory() >> 20);
			result.put("csv", csvResult);
			result.put("xlsx", xlsxResult);
			result.put("csvReimport", again);
			result.put("residentsAdded", residentsAfter - residentsBefore);
			result.put("copyBaseline", copy);
			result.put("csvToCopyRatio", csvRate / copyRate);
			byWriters.forEach((k, v) -> result.put(k, v));
			String json = toJson(result);
			Files.createDirectories(out.getParent());
			Files.writeString(out, json + "\n");
			System.out.println("== result");
			System.out.println(json);
		}
	}

	private static long count(JdbcTemplate jdbc, String table) {
		Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
		return n == null ? 0 : n;
	}

	/** One import through the job code path, timed, with the heap peak over its run. */
	private static Map<String, Object> importFile(ImportService imports, ImportJobStore jobs, JdbcTemplate jdbc, Actor actor,
			Path file, int rows) throws InterruptedException {
		return importFile(imports, jobs, jdbc, actor, file, rows, 0);
	}

	/** With a number of writers; 0: the configured number. */
	private static Map<String, Object> importFile(ImportService imports, ImportJobStore jobs, JdbcTemplate jdbc, Actor actor,
			Path file, int rows, int writers) throws InterruptedException {
		System.gc();
		HeapPeak heap = HeapPeak.start();
		UUID id = UUID.randomUUID();
		jobs.create(id, ImportKind.RESIDENT, file.getFileName().toString(), actor.userId(), actor.scope().value(),
				java.time.Instant.now());
		long started = System.nanoTime();
		if (writers > 0) {
			imports.run(id, ImportKind.RESIDENT, file, actor, writers, 1000);
		}
		else {
			imports.run(id, ImportKind.RESIDENT, file, actor);
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		heap.stop();
		Map<String, Object> job = jdbc.queryForMap("SELECT status, total, processed, accepted, updated, unchanged, refused,"
				+ " problem_code FROM registers_import_job WHERE id = ?", id);
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("file", file.getFileName().toString());
		r.put("bytes", file.toFile().length());
		r.put("rows", rows);
		r.put("seconds", round(seconds));
		r.put("rowsPerSecond", round(rows / seconds));
		r.put("peakHeapUsedMb", heap.peakUsedMb());
		r.put("peakHeapAfterGcMb", heap.peakAfterGcMb());
		job.forEach((k, v) -> r.put(k.toLowerCase(Locale.ROOT), v));
		System.out.println("== import " + r);
		return r;
	}

	/** The same CSV rows with COPY into a table shaped like registers_resident: parse only, no validation, no encryption. */
	private static Map<String, Object> copyBaseline(DataSource dataSource, JdbcTemplate jdbc, Path csv, int rows)
			throws Exception {
		jdbc.execute("DROP TABLE IF EXISTS bench_resident_copy");
		jdbc.execute("CREATE TABLE bench_resident_copy (LIKE registers_resident INCLUDING DEFAULTS INCLUDING CONSTRAINTS"
				+ " INCLUDING INDEXES)");
		System.gc();
		HeapPeak heap = HeapPeak.start();
		long started = System.nanoTime();
		AtomicLong copied = new AtomicLong();
		try (Connection connection = dataSource.getConnection()) {
			PGConnection pg = connection.unwrap(PGConnection.class);
			java.io.PipedWriter writer = new java.io.PipedWriter();
			java.io.PipedReader reader = new java.io.PipedReader(writer, 1 << 16);
			Thread feeder = new Thread(() -> {
				try (writer; Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
						CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
					StringBuilder line = new StringBuilder(256);
					for (CSVRecord r : parser) {
						line.setLength(0);
						UUID id = UUID.randomUUID();
						String idNumber = r.get(1).replace("\uFEFF", "");
						line.append(id).append('\t').append(r.get(0)).append('\t').append(idNumber).append('\t')
							.append(idNumber).append('\t').append(r.get(3).equals("男") ? "MALE" : "FEMALE").append('\t')
							.append(idNumber, 6, 10).append('-').append(idNumber, 10, 12).append('-').append(idNumber, 12, 14)
							.append('\t').append(r.get(2)).append('\t').append(r.get(2)).append('\t').append(r.get(6))
							.append('\t').append(r.get(7)).append('\t').append(r.get(8)).append('\t').append(r.get(9))
							.append('\t').append(r.get(4)).append('\t').append(r.get(5)).append("\t440704003001001\t")
							.append(r.get(10).equals("流动") ? "FLOATING" : "REGISTERED").append("\tPRESENT\t").append(id)
							.append("\t2026-11-30 00:00:00+00\t2026-11-30 00:00:00+00\t0\n");
						writer.write(line.toString());
						copied.incrementAndGet();
					}
				}
				catch (IOException e) {
					throw new IllegalStateException(e);
				}
			}, "copy-feeder");
			feeder.start();
			pg.getCopyAPI()
				.copyIn("COPY bench_resident_copy (id, name, id_cipher, id_hash, gender, birth_date, phone_cipher, phone_hash,"
						+ " address, building, unit, room, longitude, latitude, grid_code, residency, status, content_hash,"
						+ " created_at, updated_at, version) FROM STDIN", reader);
			feeder.join();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		heap.stop();
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("rows", copied.get());
		r.put("seconds", round(seconds));
		r.put("rowsPerSecond", round(rows / seconds));
		r.put("peakHeapUsedMb", heap.peakUsedMb());
		System.out.println("== COPY baseline " + r);
		return r;
	}

	/** 60 points inside each Waihai grid (rejection sampling in its envelope), so every row lands in a grid. */
	private static List<double[]> points(Grids grids) {
		Random random = new Random(5);
		GeometryFactory factory = new GeometryFactory();
		List<double[]> points = new ArrayList<>();
		for (GridInfo grid : grids.within(WaihaiDemo.WAIHAI)) {
			Geometry boundary = grids.boundary(grid.code()).orElseThrow();
			Envelope e = boundary.getEnvelopeInternal();
			int found = 0;
			for (int attempt = 0; attempt < 10_000 && found < 60; attempt++) {
				double x = e.getMinX() + random.nextDouble() * e.getWidth();
				double y = e.getMinY() + random.nextDouble() * e.getHeight();
				if (boundary.buffer(-1e-5).contains(factory.createPoint(new Coordinate(x, y)))) {
					points.add(new double[] { Math.round(x * 1e6) / 1e6, Math.round(y * 1e6) / 1e6 });
					found++;
				}
			}
		}
		if (points.isEmpty()) {
			throw new IllegalStateException("no Waihai grids: the demo geo data did not load");
		}
		return points;
	}

	/** Generates the rows of one file: households of 1–4 at one address, consecutive, unique ID numbers. */
	private static final class Rows {

		private final Random random;
		private final List<double[]> points;
		private final int fileNo;
		private int n;
		private int household;
		private int membersLeft;
		private int size;
		private double[] point;
		private String[] address;

		private final int firstSerial;

		Rows(long seed, List<double[]> points, int fileNo, int firstSerial) {
			this.random = new Random(seed);
			this.points = points;
			this.fileNo = fileNo;
			this.firstSerial = firstSerial;
		}

		String[] next() {
			if (membersLeft == 0) {
				household++;
				size = 1 + random.nextInt(4);
				membersLeft = size;
				point = points.get(random.nextInt(points.size()));
				address = new String[] { "外海街道" + ROADS[random.nextInt(ROADS.length)] + fileNo + "-" + household + "号",
						String.valueOf(1 + random.nextInt(20)), String.valueOf(1 + random.nextInt(4)),
						(1 + random.nextInt(30)) + String.format(Locale.ROOT, "%02d", 1 + random.nextInt(6)) };
			}
			boolean head = address != null && membersLeft == size;
			membersLeft--;
			int i = n++;
			// unique: the row number picks a birth date and an order code 0xx–8xx (the demo uses 9xx)
			int serial = firstSerial + i;
			LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(serial / 450);
			boolean male = random.nextBoolean();
			int order = (serial % 450) * 2 + (male ? 1 : 0);
			String first17 = "440704" + birth.toString().replace("-", "") + String.format(Locale.ROOT, "%03d", order);
			String id = first17 + IdNumber.checkCharacter(first17);
			String phone = "1" + (3 + random.nextInt(7)) + String.format(Locale.ROOT, "%09d", random.nextInt(1_000_000_000));
			String name = "" + SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()))
					+ GIVEN.charAt(random.nextInt(GIVEN.length()));
			return new String[] { name, id, phone, male ? "男" : "女", String.valueOf(point[0]), String.valueOf(point[1]),
					address[0], address[1], address[2], address[3], random.nextInt(4) == 0 ? "流动" : "户籍",
					random.nextInt(10) == 0 ? "TRAVELLER" : "", head ? "是" : "否" };
		}
	}

	private static void writeCsv(Path file, int rows, List<double[]> points, int fileNo) throws IOException {
		writeCsv(file, rows, points, fileNo, fileNo * 4_000_000);
	}

	private static void writeCsv(Path file, int rows, List<double[]> points, int fileNo, int firstSerial) throws IOException {
		Rows source = new Rows(11L * fileNo, points, fileNo, firstSerial);
		try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			w.write(String.join(",", HEADER));
			w.write('\n');
			for (int i = 0; i < rows; i++) {
				w.write(String.join(",", source.next()));
				w.write('\n');
			}
		}
	}

	private static void writeXlsx(Path file, int rows, List<double[]> points, int fileNo) throws IOException {
		Rows source = new Rows(11L * fileNo, points, fileNo, fileNo * 4_000_000);
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); OutputStream os = Files.newOutputStream(file)) {
			workbook.setCompressTempFiles(true);
			Sheet sheet = workbook.createSheet("居民");
			Row header = sheet.createRow(0);
			for (int c = 0; c < HEADER.length; c++) {
				header.createCell(c).setCellValue(HEADER[c]);
			}
			for (int i = 0; i < rows; i++) {
				String[] values = source.next();
				Row row = sheet.createRow(i + 1);
				for (int c = 0; c < values.length; c++) {
					row.createCell(c).setCellValue(values[c]);
				}
			}
			workbook.write(os);
			workbook.dispose();
		}
	}

	/** Samples heap use every 10 ms; also reads the heap pools' peak after collection. */
	private static final class HeapPeak {

		private final Thread thread;
		private volatile boolean running = true;
		private volatile long peakUsed;

		private HeapPeak() {
			ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
			thread = new Thread(() -> {
				while (running) {
					peakUsed = Math.max(peakUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
					try {
						Thread.sleep(10);
					}
					catch (InterruptedException e) {
						return;
					}
				}
			}, "heap-peak");
			thread.setDaemon(true);
			thread.start();
		}

		static HeapPeak start() {
			return new HeapPeak();
		}

		void stop() throws InterruptedException {
			running = false;
			thread.join();
		}

		long peakUsedMb() {
			return peakUsed >> 20;
		}

		long peakAfterGcMb() {
			long sum = 0;
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
				if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
					sum += pool.getCollectionUsage().getUsed();
				}
			}
			return sum >> 20;
		}
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	private static String toJson(Object value) {
		if (value instanceof Map<?, ?> map) {
			StringBuilder b = new StringBuilder("{");
			map.forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append('"').append(k).append("\": ").append(toJson(v)));
			return b.append('}').toString();
		}
		if (value == null) {
			return "null";
		}
		if (value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		return '"' + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}
}

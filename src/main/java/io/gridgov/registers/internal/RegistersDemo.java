package io.gridgov.registers.internal;

import java.lang.management.ManagementFactory;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.gridgov.geo.GridInfo;
import io.gridgov.geo.GridType;
import io.gridgov.geo.Grids;
import io.gridgov.geo.WaihaiDemo;
import io.gridgov.platform.Ids;
import io.gridgov.platform.personaldata.PersonalDataCipher;
import io.gridgov.platform.personaldata.ProtectedValue;
import io.gridgov.registers.EnterpriseFlag;
import io.gridgov.registers.Residency;

/**
 * The Waihai demo registers, generated from a fixed seed on first start (order 60, after the
 * workforce): residents in households across the 77 grids — 9,034 travellers (返乡人员), 5,029
 * residents checked daily and 474 enterprise employees, as the article reports, plus special and
 * key groups — and 2,612 enterprises with the article's classification counts.
 * <p>
 * Every ID number is FICTITIOUS: region 440704, a real birth date, and the order code 9xx with the
 * check digit computed, so it passes validation; the 9xx order codes and the generated names mark
 * them as demo data. Rows go in by JDBC batches; the encryption of ID numbers and phones is the
 * main cost (measured in the log line).
 */
@Component
@Order(60)
class RegistersDemo implements ApplicationRunner {

	static final long SEED = 20221027L + 6;
	static final int TRAVELLERS = 9_034;
	static final int DAILY_CHECKS = 5_029;
	static final int ENTERPRISE_EMPLOYEES = 474;
	static final int OTHERS = 1_463;
	static final int ENTERPRISES = 2_612;
	static final int ABOVE_SIZE = 321;
	static final int HIGH_TECH = 412;
	static final int SRDI = 16;
	static final int LITTLE_GIANTS = 3;
	static final int LISTED = 4;

	private static final Logger log = LoggerFactory.getLogger(RegistersDemo.class);
	private static final List<String> SURNAMES = List.of("陈", "李", "黄", "张", "梁", "林", "何", "吴", "刘", "谭", "周", "钟",
			"冯", "区", "甄", "余", "关", "伍", "赵", "许", "邓", "麦", "杨", "郑", "罗", "谢", "叶", "苏", "容", "莫");
	private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰志红建文辉嘉欣俊彬淑颖振国家宝美玲永健海燕佩君锦荣德立晓婷子轩浩然梓";
	private static final List<String> ROADS = List.of("外海大道", "城隍路", "麻三路", "直冲路", "金瓯路", "龙溪路", "南山路", "湖滨路",
			"中东路", "沿江路");
	private static final List<String> SPECIAL = List.of("ELDERLY_ALONE", "DISABLED", "LOW_INCOME", "MINOR", "VETERAN",
			"LIMITED_MOBILITY", "COMMUNITY_CORRECTION", "RELEASED_PRISONER", "MENTAL_DISORDER", "LEFT_BEHIND_CHILD");
	private static final List<String> INDUSTRIES = List.of("五金制品", "电子元件", "家具制造", "食品加工", "纺织服装", "塑料制品",
			"机械设备", "摩托车配件", "新材料", "物流仓储", "批发零售", "电气机械");
	private static final String NAME_PARTS = "华晟鑫宏达利丰源兴隆盛昌顺锦荣泰新科创海江门外";

	private final boolean enabled;
	private final Grids grids;
	private final JdbcTemplate jdbc;
	private final PersonalDataCipher cipher;
	private final TransactionTemplate transaction;
	private final Clock clock;

	RegistersDemo(@Value("${gridgov.demo.enabled:false}") boolean enabled, Grids grids, JdbcTemplate jdbc,
			PersonalDataCipher cipher, TransactionTemplate transaction, Clock clock) {
		this.enabled = enabled;
		this.grids = grids;
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled) {
			return;
		}
		List<GridInfo> waihai = grids.within(WaihaiDemo.WAIHAI);
		Long existing = jdbc.queryForObject("SELECT COUNT(*) FROM registers_resident", Long.class);
		if (waihai.isEmpty() || existing == null || existing > 0) {
			return;
		}
		long started = System.nanoTime();
		long cpu = processCpuNanos();
		Random random = new Random(SEED);
		int[] counts = transaction.execute(status -> new int[] { residents(waihai, random), enterprises(waihai, random) });
		log.info("Loaded the Waihai demo registers: {} residents, {} enterprises in {} ms ({} ms CPU of the process)", counts[0],
				counts[1], (System.nanoTime() - started) / 1_000_000,
				(processCpuNanos() - cpu) / 1_000_000);
	}

	private int residents(List<GridInfo> waihai, Random random) {
		List<String> groups = new ArrayList<>();
		groups.addAll(Collections.nCopies(TRAVELLERS, "TRAVELLER"));
		groups.addAll(Collections.nCopies(DAILY_CHECKS, "DAILY_CHECK"));
		groups.addAll(Collections.nCopies(OTHERS, ""));
		Collections.shuffle(groups, random);
		List<GridInfo> parks = waihai.stream().filter(g -> g.type() == GridType.INDUSTRIAL_PARK).toList();
		if (parks.isEmpty()) {
			parks = waihai;
		}
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock);
		Set<String> ids = new HashSet<>();
		Set<String> names = new HashSet<>();
		List<Object[]> residents = new ArrayList<>();
		List<Object[]> tags = new ArrayList<>();
		List<Object[]> history = new ArrayList<>();
		List<Object[]> households = new ArrayList<>();
		int person = 0;
		int house = 0;
		int total = groups.size() + ENTERPRISE_EMPLOYEES;
		while (person < total) {
			boolean employee = person >= groups.size();
			GridInfo grid = employee ? parks.get(random.nextInt(parks.size())) : waihai.get(house % waihai.size());
			UUID householdId = Ids.newId(clock);
			String road = ROADS.get(random.nextInt(ROADS.size()));
			String address = grid.communityName() + road + (1 + house) + "号";
			String building = String.valueOf(1 + random.nextInt(12));
			String unit = String.valueOf(1 + random.nextInt(3));
			String room = (1 + random.nextInt(18)) + String.format("%02d", 1 + random.nextInt(4));
			int size = employee ? 1 : Math.min(1 + random.nextInt(4), groups.size() - person);
			UUID head = null;
			Residency residency = random.nextInt(4) == 0 || employee ? Residency.FLOATING : Residency.REGISTERED;
			for (int m = 0; m < size && person < total; m++, person++) {
				UUID id = Ids.newId(clock);
				if (head == null) {
					head = id;
				}
				LocalDate birth = today.minusYears(employee ? 18 + random.nextInt(40) : 1 + random.nextInt(90))
					.minusDays(random.nextInt(365));
				boolean male = random.nextBoolean();
				String idNumber = idNumber(birth, male, random, ids);
				String phone = birth.isBefore(today.minusYears(14)) ? "1" + (3 + random.nextInt(7))
						+ String.format("%09d", random.nextInt(1_000_000_000)) : null;
				Set<String> tagSet = new java.util.TreeSet<>();
				if (employee) {
					tagSet.add("ENTERPRISE_EMPLOYEE");
				}
				else if (!groups.get(person).isEmpty()) {
					tagSet.add(groups.get(person));
				}
				if (random.nextInt(12) == 0) {
					tagSet.add(SPECIAL.get(random.nextInt(SPECIAL.size())));
				}
				if (birth.isAfter(today.minusYears(18))) {
					tagSet.add("MINOR");
				}
				String name = name(random, names);
				ResidentFields fields = new ResidentFields(name, new IdNumber(idNumber), phone == null ? null : new MobilePhone(phone),
						birth, male ? "MALE" : "FEMALE", address, building, unit, room, grid.code(), null, null, residency, tagSet,
						m == 0);
				ProtectedValue idValue = cipher.protect(idNumber, IdNumber.FIELD);
				ProtectedValue phoneValue = phone == null ? null : cipher.protect(phone, MobilePhone.RESIDENT_FIELD);
				residents.add(new Object[] { id, name, idValue.ciphertext(), idValue.hash(), male ? "MALE" : "FEMALE",
						Date.valueOf(birth), phoneValue == null ? null : phoneValue.ciphertext(),
						phoneValue == null ? null : phoneValue.hash(), householdId, address, building, unit, room,
						grid.code().value(), residency.name(), cipher.hash(fields.canonical()), Timestamp.from(now) });
				for (String tag : tagSet) {
					tags.add(new Object[] { id, tag });
				}
				history.add(new Object[] { Ids.newId(clock), id, Timestamp.from(now) });
			}
			households.add(new Object[] { householdId, grid.code().value(), address, building, unit, room, head,
					Timestamp.from(now) });
			house++;
		}
		// head_id has no foreign key: the households go in with their heads, no second pass of updates
		jdbc.batchUpdate("INSERT INTO registers_household (id, grid_code, address, building, unit, room, head_id, created_at,"
				+ " updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
				households.stream().map(h -> new Object[] { h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], h[7] }).toList());
		jdbc.batchUpdate("INSERT INTO registers_resident (id, name, id_cipher, id_hash, gender, birth_date, phone_cipher,"
				+ " phone_hash, household_id, address, building, unit, room, grid_code, residency, status, content_hash,"
				+ " created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PRESENT', ?, ?, ?, 0)",
				residents.stream().map(r -> {
					Object[] row = java.util.Arrays.copyOf(r, r.length + 1);
					row[r.length] = r[r.length - 1];
					return row;
				}).toList());
		jdbc.batchUpdate("INSERT INTO registers_resident_tag (resident_id, tag_code) VALUES (?, ?)", tags);
		jdbc.batchUpdate("INSERT INTO registers_resident_status (id, resident_id, from_status, to_status, changed_at)"
				+ " VALUES (?, ?, NULL, 'PRESENT', ?)", history);
		return residents.size();
	}

	private int enterprises(List<GridInfo> waihai, Random random) {
		List<GridInfo> parks = waihai.stream().filter(g -> g.type() != GridType.RESIDENTIAL).toList();
		if (parks.isEmpty()) {
			parks = waihai;
		}
		List<Set<EnterpriseFlag>> flags = new ArrayList<>();
		for (int i = 0; i < ENTERPRISES; i++) {
			flags.add(EnumSet.noneOf(EnterpriseFlag.class));
		}
		// the first ABOVE_SIZE are 规上; high-tech overlaps them by half; SRDI, little giants and listed are among the 规上
		for (int i = 0; i < ABOVE_SIZE; i++) {
			flags.get(i).add(EnterpriseFlag.ABOVE_DESIGNATED_SIZE);
		}
		for (int i = 0; i < HIGH_TECH; i++) {
			flags.get(ABOVE_SIZE / 2 + i).add(EnterpriseFlag.HIGH_TECH);
		}
		for (int i = 0; i < SRDI; i++) {
			flags.get(i * 7).add(EnterpriseFlag.SRDI);
		}
		for (int i = 0; i < LITTLE_GIANTS; i++) {
			flags.get(i * 7).add(EnterpriseFlag.LITTLE_GIANT);
		}
		for (int i = 0; i < LISTED; i++) {
			flags.get(1 + i * 11).add(EnterpriseFlag.LISTED);
		}
		Collections.shuffle(flags, random);
		Instant now = clock.instant();
		Set<String> names = new HashSet<>();
		Set<String> people = new HashSet<>();
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < ENTERPRISES; i++) {
			GridInfo grid = parks.get(random.nextInt(parks.size()));
			String industry = INDUSTRIES.get(random.nextInt(INDUSTRIES.size()));
			String name;
			do {
				name = "江门市" + NAME_PARTS.charAt(random.nextInt(NAME_PARTS.length()))
						+ NAME_PARTS.charAt(random.nextInt(NAME_PARTS.length())) + industry + "有限公司";
				if (!names.contains(name)) {
					break;
				}
				name = "江门市" + NAME_PARTS.charAt(random.nextInt(NAME_PARTS.length()))
						+ NAME_PARTS.charAt(random.nextInt(NAME_PARTS.length()))
						+ NAME_PARTS.charAt(random.nextInt(NAME_PARTS.length())) + industry + "有限公司";
			}
			while (names.contains(name));
			names.add(name);
			String body = "91440704MA" + code7(i);
			String creditCode = body + CreditCode.checkCharacter(body);
			Set<EnterpriseFlag> f = flags.get(i);
			int employees = f.contains(EnterpriseFlag.ABOVE_DESIGNATED_SIZE) ? 80 + random.nextInt(900) : 3 + random.nextInt(80);
			String contact = name(random, people);
			String phone = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
			String address = grid.communityName() + ROADS.get(random.nextInt(ROADS.size())) + (1 + random.nextInt(500)) + "号";
			EnterpriseFields fields = new EnterpriseFields(name, new CreditCode(creditCode), address, grid.code(), null, null,
					industry, employees, contact, new MobilePhone(phone), f);
			ProtectedValue protectedPhone = cipher.protect(phone, MobilePhone.CONTACT_FIELD);
			rows.add(new Object[] { Ids.newId(clock), name, creditCode, address, grid.code().value(), industry, employees,
					contact, protectedPhone.ciphertext(), protectedPhone.hash(), f.contains(EnterpriseFlag.ABOVE_DESIGNATED_SIZE),
					f.contains(EnterpriseFlag.HIGH_TECH), f.contains(EnterpriseFlag.SRDI),
					f.contains(EnterpriseFlag.LITTLE_GIANT), f.contains(EnterpriseFlag.LISTED), cipher.hash(fields.canonical()),
					Timestamp.from(now), Timestamp.from(now) });
		}
		jdbc.batchUpdate("INSERT INTO registers_enterprise (id, name, credit_code, address, grid_code, industry, employee_count,"
				+ " contact_name, contact_phone_cipher, contact_phone_hash, above_designated_size, high_tech, srdi, little_giant,"
				+ " listed, content_hash, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
				rows);
		return rows.size();
	}

	/** Seven characters of the credit-code alphabet counting up from the enterprise's index. */
	private static String code7(int index) {
		StringBuilder code = new StringBuilder();
		long n = 1_000_003L + index * 7_919L;
		for (int i = 0; i < 7; i++) {
			code.insert(0, CreditCode.ALPHABET.charAt((int) (n % 31)));
			n /= 31;
		}
		return code.toString();
	}

	/** A fictitious ID number: region 440704, the birth date, order code 9xx (odd for men), the MOD 11-2 check. */
	static String idNumber(LocalDate birth, boolean male, Random random, Set<String> used) {
		String id;
		do {
			int order = 900 + random.nextInt(50) * 2 + (male ? 1 : 0);
			String first17 = "440704" + birth.toString().replace("-", "") + order;
			id = first17 + IdNumber.checkCharacter(first17);
			birth = birth.minusDays(1);
		}
		while (!used.add(id));
		return id;
	}

	private static String name(Random random, Set<String> used) {
		String name;
		int attempts = 0;
		do {
			String surname = SURNAMES.get(random.nextInt(SURNAMES.size()));
			int length = random.nextInt(4) == 0 || attempts > 20 ? 2 : 2;
			StringBuilder given = new StringBuilder();
			for (int i = 0; i < length; i++) {
				given.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
			}
			name = surname + given;
			attempts++;
		}
		while (!used.add(name) && attempts < 5);
		return name;
	}

	/** CPU time of the whole process (the database engine's threads and the collector included), load-independent. */
	private static long processCpuNanos() {
		return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
				? os.getProcessCpuTime() : 0;
	}
}

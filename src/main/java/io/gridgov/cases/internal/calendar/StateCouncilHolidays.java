package io.gridgov.cases.internal.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The public holidays and make-up working days of 2025 and 2026 as published by the General
 * Office of the State Council, loaded into an empty calendar on first start in every profile.
 * <ul>
 * <li>2025: 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12), as
 * released by Xinhua, e.g. https://m.gmw.cn/2024-11/12/content_1303894933.htm: 元旦 1 Jan; 春节
 * 28 Jan – 4 Feb, work 26 Jan and 8 Feb; 清明 4–6 Apr; 劳动节 1–5 May, work 27 Apr; 端午 31 May – 2
 * Jun; 国庆·中秋 1–8 Oct, work 28 Sep and 11 Oct.</li>
 * <li>2026: 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04), as released by Xinhua, e.g.
 * https://politics.gmw.cn/2025-11/04/content_38391083.htm: 元旦 1–3 Jan, work 4 Jan; 春节 15–23 Feb,
 * work 14 and 28 Feb; 清明 4–6 Apr; 劳动节 1–5 May, work 9 May; 端午 19–21 Jun; 中秋 25–27 Sep;
 * 国庆 1–7 Oct, work 20 Sep and 10 Oct.</li>
 * </ul>
 */
public final class StateCouncilHolidays {

	private StateCouncilHolidays() {
	}

	public static List<YearCalendar> all() {
		return List.of(year2025(), year2026());
	}

	public static YearCalendar year2025() {
		List<LocalDate> off = new ArrayList<>();
		off.addAll(days(2025, 1, 1, 1));
		off.addAll(range(LocalDate.of(2025, 1, 28), LocalDate.of(2025, 2, 4)));
		off.addAll(days(2025, 4, 4, 6));
		off.addAll(days(2025, 5, 1, 5));
		off.addAll(range(LocalDate.of(2025, 5, 31), LocalDate.of(2025, 6, 2)));
		off.addAll(days(2025, 10, 1, 8));
		List<LocalDate> on = List.of(LocalDate.of(2025, 1, 26), LocalDate.of(2025, 2, 8), LocalDate.of(2025, 4, 27),
				LocalDate.of(2025, 9, 28), LocalDate.of(2025, 10, 11));
		return YearCalendar.of(2025, off, on, null);
	}

	public static YearCalendar year2026() {
		List<LocalDate> off = new ArrayList<>();
		off.addAll(days(2026, 1, 1, 3));
		off.addAll(days(2026, 2, 15, 23));
		off.addAll(days(2026, 4, 4, 6));
		off.addAll(days(2026, 5, 1, 5));
		off.addAll(days(2026, 6, 19, 21));
		off.addAll(days(2026, 9, 25, 27));
		off.addAll(days(2026, 10, 1, 7));
		List<LocalDate> on = List.of(LocalDate.of(2026, 1, 4), LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28),
				LocalDate.of(2026, 5, 9), LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));
		return YearCalendar.of(2026, off, on, null);
	}

	private static List<LocalDate> days(int year, int month, int first, int last) {
		return range(LocalDate.of(year, month, first), LocalDate.of(year, month, last));
	}

	private static List<LocalDate> range(LocalDate first, LocalDate last) {
		return first.datesUntil(last.plusDays(1)).toList();
	}
}

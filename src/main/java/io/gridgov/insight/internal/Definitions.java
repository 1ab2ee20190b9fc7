package io.gridgov.insight.internal;

import java.util.List;

/**
 * The definition of every indicator, in Chinese and English, as the API serves it to the pages (and
 * as the unit tests check it). Days are Asia/Shanghai dates; a figure is counted on the day its
 * moment happened, so a case reported on one day and closed on another counts in two periods.
 */
final class Definitions {

	record Text(String zh, String en) {
	}

	/** One indicator: its key in the API, unit (count, ratio, seconds, stars), name and definition. */
	record Definition(String key, String unit, Text name, Text definition) {
	}

	static final List<Definition> ALL = List.of(
			def("reported", "count", "上报数", "Reported", "统计期内上报的事件数（按上报日）。",
					"Cases reported in the period (counted on the day of the report)."),
			def("accepted", "count", "受理数", "Accepted",
					"统计期内受理（立案）的事件数，含网格员就地解决的事件（按受理日或就地解决日）。",
					"Cases taken on in the period: accepted by the command centre, or solved on the spot by the grid worker who found them (on that day)."),
			def("closed", "count", "结案数", "Closed", "统计期内结案的事件数（按结案日）。",
					"Cases closed in the period (on the day of closure)."),
			def("closureRate", "ratio", "办结率", "Closure rate", "结案数 ÷ 受理数（同一统计期）；受理数为 0 时为“—”。",
					"Closed ÷ accepted, both counted in the period; \"—\" when nothing was accepted."),
			def("onTimeHandlingRate", "ratio", "按期处置率", "On-time handling rate",
					"按期处置数 ÷ 处置数。每件事件按最近一次处置计一次（返工后再处置则移至再处置日），按期指不晚于当时有效的处置时限（含批准的延期）。",
					"Handled within the deadline ÷ handled. Each case counts once, on the day of its latest handling (a case handled again after rework moves there); on time means no later than the deadline in force (approved extensions count)."),
			def("onTimeAcceptanceRate", "ratio", "按期受理率", "On-time acceptance rate",
					"按期受理数 ÷ 指挥中心受理数（就地解决的事件不经受理，不计入）。",
					"Accepted no later than the acceptance deadline ÷ accepted by the command centre (cases solved on the spot are never accepted and are left out)."),
			def("correctDispatchRate", "ratio", "派遣准确率", "Correct-dispatch rate",
					"（派遣数 − 被退回数）÷ 派遣数。按首次派遣日计；被承办单位退回过（派遣不准确）的事件计入被退回数，每件一次。",
					"(Dispatched − returned) ÷ dispatched, on the day of the first dispatch; a case an assignee sent back at least once (dispatched not correctly) counts as returned, once."),
			def("reworkRate", "ratio", "返工率", "Rework rate",
					"核查未通过过至少一次的事件数 ÷ 核查通过的事件数，按核查通过日计，每件一次。",
					"Cases that failed verification at least once ÷ cases that passed verification, on the day they passed, each case once."),
			def("overdueNow", "count", "当前超期", "Overdue now",
					"当前处于派遣、处置、退回或返工阶段且已超过处置时限的事件数（不受统计期限制）。",
					"Cases now in a stage with a running deadline (dispatched, in progress, returned, rework) whose deadline has passed; not limited to the period."),
			def("dueSoon", "count", "即将超期", "Due soon",
					"当前处于上述阶段、已用去 80% 时限但尚未超期的事件数（不受统计期限制）。",
					"Cases now in those stages that have used 80 % of their time but are not overdue; not limited to the period."),
			def("averageTimeToAcceptSeconds", "seconds", "平均受理时长", "Average time to accept",
					"从上报到受理的平均时长（按受理日，仅指挥中心受理）。", "Mean time from report to acceptance (on the day of acceptance)."),
			def("p90TimeToAcceptSeconds", "seconds", "受理时长 P90", "Time to accept, p90",
					"受理时长的第 90 百分位，由固定分档直方图估计（档内线性插值，误差不超过一档宽度；最后一档（≥10 天）取其下限）。",
					"The 90th percentile of the time to accept, estimated from a histogram of fixed buckets (linear inside the bucket, error at most one bucket's width; the open last bucket, ≥ 10 days, gives its lower bound)."),
			def("averageTimeToHandleSeconds", "seconds", "平均处置时长", "Average time to handle",
					"从首次派遣（就地解决为上报）到最近一次处置的平均时长（按处置日）。",
					"Mean time from the first dispatch (the report, for cases solved on the spot) to the latest handling (on the day of handling)."),
			def("p90TimeToHandleSeconds", "seconds", "处置时长 P90", "Time to handle, p90", "处置时长的第 90 百分位，估计方法同受理时长 P90。",
					"The 90th percentile of the time to handle, estimated like the time to accept."),
			def("averageRating", "stars", "平均满意度", "Average rating", "统计期内评价的平均星级（1–5，按评价日）。",
					"Mean stars (1–5) of the ratings given in the period (on the day of rating)."),
			def("satisfactionRate", "ratio", "满意率", "Satisfaction rate", "4–5 星评价数 ÷ 评价数。",
					"Ratings of 4 or 5 stars ÷ ratings."));

	private Definitions() {
	}

	private static Definition def(String key, String unit, String nameZh, String nameEn, String zh, String en) {
		return new Definition(key, unit, new Text(nameZh, nameEn), new Text(zh, en));
	}
}

package io.gridgov.cases.internal.catalogue;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.gridgov.cases.DeadlineStage;

/**
 * The reference catalogue loaded into an empty installation: the event classes of the digital
 * city-management standards (GB/T 30428.1, CJ/T 315: 市容环境, 宣传广告, 施工管理, 突发事件,
 * 街面秩序) and of social governance (安全隐患, 矛盾纠纷, 民生服务, 治安, 消防, 违法建设), with a
 * default department, stage deadlines and a closure condition per leaf, and the departments they
 * name. Ordinary leaves count working hours (accept 0.5 h, dispatch 1 h, handle 2–24 h, verify
 * 4–8 h); emergencies count calendar hours (0.25 / 0.5 / 2 / 1 h).
 */
final class ReferenceCatalogue {

	static final String URBAN_MGMT = "URBAN_MGMT";
	static final String MARKET_REG = "MARKET_REG";
	static final String ECO_ENV = "ECO_ENV";
	static final String POLICE = "POLICE";
	static final String FIRE_RESCUE = "FIRE_RESCUE";
	static final String HOUSING = "HOUSING";
	static final String COMMUNITY = "COMMUNITY";
	static final String WORK_SAFETY = "WORK_SAFETY";
	static final String CIVIL_AFFAIRS = "CIVIL_AFFAIRS";
	static final String PETITION = "PETITION";
	static final String SOCIAL_GOV = "SOCIAL_GOV";

	record DepartmentSeed(String code, String name) {
	}

	record ClassSeed(String code, String name, String nameEn, List<LeafSeed> leaves) {
	}

	record LeafSeed(String code, String name, String nameEn, String department, double handleHours, double verifyHours,
			boolean emergency, String closure) {

		Map<DeadlineStage, Duration> deadlines() {
			Map<DeadlineStage, Duration> result = new EnumMap<>(DeadlineStage.class);
			result.put(DeadlineStage.ACCEPT, minutes(emergency ? 0.25 : 0.5));
			result.put(DeadlineStage.DISPATCH, minutes(emergency ? 0.5 : 1));
			result.put(DeadlineStage.HANDLE, minutes(handleHours));
			result.put(DeadlineStage.VERIFY, minutes(verifyHours));
			return result;
		}

		private static Duration minutes(double hours) {
			return Duration.ofMinutes(Math.round(hours * 60));
		}
	}

	static final List<DepartmentSeed> DEPARTMENTS = List.of(new DepartmentSeed(URBAN_MGMT, "城市管理和综合执法办公室"),
			new DepartmentSeed(MARKET_REG, "市场监督管理所"), new DepartmentSeed(ECO_ENV, "生态环境分局"),
			new DepartmentSeed(POLICE, "公安派出所"), new DepartmentSeed(FIRE_RESCUE, "消防救援站"),
			new DepartmentSeed(HOUSING, "住房和城乡建设局"), new DepartmentSeed(COMMUNITY, "社区居委会/村委会"),
			new DepartmentSeed(WORK_SAFETY, "安全生产监督管理办公室"), new DepartmentSeed(CIVIL_AFFAIRS, "民政办"),
			new DepartmentSeed(PETITION, "信访办"), new DepartmentSeed(SOCIAL_GOV, "综治中心"));

	private static LeafSeed leaf(String code, String name, String nameEn, String department, double handle,
			double verify, String closure) {
		return new LeafSeed(code, name, nameEn, department, handle, verify, false, closure);
	}

	private static LeafSeed emergency(String code, String name, String nameEn, String department, String closure) {
		return new LeafSeed(code, name, nameEn, department, 2, 1, true, closure);
	}

	static final List<ClassSeed> CLASSES = List.of(
			new ClassSeed("CITY_ENV", "市容环境", "City appearance and sanitation", List.of(
					leaf("EXPOSED_GARBAGE", "暴露垃圾", "Exposed garbage", URBAN_MGMT, 4, 4, "垃圾已清运，现场无暴露垃圾"),
					leaf("ACCUMULATED_WASTE", "积存垃圾渣土", "Accumulated garbage and muck", URBAN_MGMT, 8, 4,
							"积存垃圾渣土已全部清运，地面清扫干净"),
					leaf("DIRTY_ROAD", "道路不洁", "Dirty road surface", URBAN_MGMT, 2, 4, "路面已清扫保洁，无明显污渍和废弃物"),
					leaf("OVERFLOWING_BIN", "垃圾满溢", "Overflowing litter bins", URBAN_MGMT, 2, 4, "垃圾桶已清空，周边无散落垃圾"),
					leaf("DIRTY_WATER", "水域不洁", "Polluted water surface", ECO_ENV, 24, 8, "水面漂浮物已打捞，无异味和污水排入"))),
			new ClassSeed("ADVERTISING", "宣传广告", "Publicity and advertising", List.of(
					leaf("ILLEGAL_FLYERS", "非法小广告", "Illegal flyers and graffiti ads", URBAN_MGMT, 8, 4,
							"小广告已清除，墙面和设施恢复原貌"),
					leaf("ILLEGAL_OUTDOOR_AD", "违规户外广告", "Unauthorised outdoor advertising", URBAN_MGMT, 24, 8,
							"违规广告已拆除或已补办审批手续"),
					leaf("ILLEGAL_BANNER", "违规悬挂横幅", "Unauthorised banners", URBAN_MGMT, 4, 4, "横幅已拆除"))),
			new ClassSeed("CONSTRUCTION", "施工管理", "Construction management", List.of(
					leaf("CONSTRUCTION_NOISE", "施工扰民", "Construction disturbing residents", ECO_ENV, 4, 4,
							"夜间施工已停止或已取得许可，噪声达标"),
					leaf("SITE_DUST", "工地扬尘", "Construction site dust", ECO_ENV, 8, 4, "裸土已覆盖，洒水降尘措施到位"),
					leaf("ROAD_DAMAGE", "道路破损", "Damaged road", HOUSING, 24, 8, "路面已修复平整，或已设置警示并移交养护单位"),
					leaf("MUCK_SPILL", "渣土撒漏", "Spilled muck from trucks", URBAN_MGMT, 4, 4, "撒漏渣土已清理，责任车辆已查处"))),
			new ClassSeed("EMERGENCY", "突发事件", "Emergencies", List.of(
					emergency("ROAD_COLLAPSE", "路面塌陷", "Road collapse", HOUSING, "现场已围蔽警示，塌陷已填补或交由专业单位抢修"),
					emergency("WATERLOGGING", "道路积水", "Road flooding", URBAN_MGMT, "积水已排除，道路恢复通行"),
					emergency("GAS_LEAK", "燃气泄漏", "Gas leak", FIRE_RESCUE, "泄漏已切断，现场检测安全"),
					emergency("FALLEN_TREE", "树木倒伏", "Fallen tree", URBAN_MGMT, "倒伏树木已清理，道路恢复通行"),
					emergency("MISSING_MANHOLE_COVER", "井盖缺失", "Missing manhole cover", HOUSING,
							"井盖已补齐或现场已设置围挡警示"))),
			new ClassSeed("STREET_ORDER", "街面秩序", "Street order", List.of(
					leaf("ROAD_OCCUPYING_VENDOR", "占道经营", "Trading on the road", URBAN_MGMT, 2, 4, "占道摊点已清离，通道畅通"),
					leaf("OUTSIDE_STORE", "店外经营", "Trading outside the shop", URBAN_MGMT, 2, 4, "商品已收回店内，门前通道畅通"),
					leaf("UNLICENSED_HAWKER", "无照经营游商", "Unlicensed hawkers", URBAN_MGMT, 2, 4, "游商已劝离或依法查处"),
					leaf("PILED_MATERIALS", "乱堆物料", "Materials piled in public space", URBAN_MGMT, 8, 4, "堆放物料已清理"),
					leaf("MISPARKED_BIKES", "共享单车乱停放", "Misparked shared bicycles", URBAN_MGMT, 4, 4,
							"车辆已摆放至停放区"))),
			new ClassSeed("SAFETY_HAZARD", "安全隐患", "Safety hazards", List.of(
					leaf("HAZARDOUS_CHEMICALS", "危化品违规存放", "Hazardous chemicals stored unsafely", WORK_SAFETY, 8, 8,
							"危化品已清走或按规定存放，责任单位已整改"),
					leaf("WORKPLACE_HAZARD", "生产经营安全隐患", "Workplace safety hazard", WORK_SAFETY, 24, 8,
							"隐患已整改，或已责令停产整改并登记台账"),
					leaf("UNSAFE_BUILDING", "房屋安全隐患", "Unsafe building", HOUSING, 24, 8, "已完成安全鉴定，危险部位已围蔽或人员已撤离"),
					leaf("FOOD_SAFETY", "食品安全隐患", "Food safety hazard", MARKET_REG, 8, 8, "问题食品已下架封存，经营者已整改"))),
			new ClassSeed("DISPUTE", "矛盾纠纷", "Disputes", List.of(
					leaf("NEIGHBOUR_DISPUTE", "邻里纠纷", "Dispute between neighbours", SOCIAL_GOV, 24, 8,
							"双方达成调解协议，或已告知其他解决途径并经当事人确认"),
					leaf("FAMILY_DISPUTE", "婚姻家庭纠纷", "Family dispute", SOCIAL_GOV, 24, 8, "调解完成并回访，无激化风险"),
					leaf("PROPERTY_DISPUTE", "物业纠纷", "Property management dispute", COMMUNITY, 24, 8, "业主与物业达成一致或已转相关部门"),
					leaf("WAGE_DISPUTE", "劳资纠纷", "Unpaid wages dispute", PETITION, 24, 8, "工资已支付或已引导通过劳动仲裁解决"))),
			new ClassSeed("LIVELIHOOD", "民生服务", "Public services", List.of(
					leaf("HARDSHIP_AID", "困难群众帮扶", "Help for people in hardship", CIVIL_AFFAIRS, 24, 8, "已上门核实并落实帮扶措施"),
					leaf("PUBLIC_FACILITY", "公共设施损坏", "Damaged public facility", COMMUNITY, 16, 8, "设施已修复或更换，可正常使用"),
					leaf("STREET_LIGHT", "路灯不亮", "Street light out", URBAN_MGMT, 16, 8, "路灯已修复，夜间正常照明"))),
			new ClassSeed("PUBLIC_ORDER", "治安", "Public order", List.of(
					leaf("SUSPICIOUS_PERSON", "可疑人员", "Suspicious person", POLICE, 2, 4, "民警已到场核查并处置"),
					leaf("NOISE_NUISANCE", "社会生活噪声扰民", "Noise from neighbours or venues", POLICE, 4, 4, "噪声源已停止或已整改"))),
			new ClassSeed("FIRE", "消防", "Fire safety", List.of(
					emergency("BLOCKED_FIRE_LANE", "消防通道堵塞", "Blocked fire lane", FIRE_RESCUE, "消防通道已清通"),
					emergency("EBIKE_CHARGING", "电动车违规充电", "Unsafe e-bike charging", FIRE_RESCUE, "违规充电已制止，飞线已拆除"),
					emergency("FIRE_EQUIPMENT", "消防设施损坏", "Damaged fire equipment", FIRE_RESCUE,
							"消防设施已修复或更换，检查合格"))),
			new ClassSeed("ILLEGAL_BUILDING", "违法建设", "Illegal construction", List.of(
					leaf("ILLEGAL_STRUCTURE", "私搭乱建", "Illegal structure", URBAN_MGMT, 24, 8, "违建已拆除或已立案查处并停止施工"),
					leaf("ROOFTOP_EXTENSION", "楼顶违法加建", "Illegal rooftop extension", URBAN_MGMT, 24, 8, "加建已拆除或已立案查处"),
					leaf("LAND_ENCLOSURE", "违规圈占公共用地", "Public land enclosed illegally", URBAN_MGMT, 24, 8,
							"圈占已清除，用地恢复原状"))));

	private ReferenceCatalogue() {
	}
}

package io.gridgov.geo;

import io.gridgov.platform.scope.RegionCode;

/** Well-known codes of the Waihai demo territory, for the demo data of other modules. */
public final class WaihaiDemo {

	/** 江海区 (Jianghai District, Jiangmen). */
	public static final RegionCode JIANGHAI = RegionCode.of("440704000000");

	/** 外海街道 (Waihai Subdistrict). */
	public static final RegionCode WAIHAI = RegionCode.of("440704003000");

	/** 城隍社区 (Chenghuang Community). */
	public static final RegionCode CHENGHUANG = RegionCode.of("440704003001");

	/** 直冲村 (Zhichong Village). */
	public static final RegionCode ZHICHONG = RegionCode.of("440704003201");

	/** The number of grids of the demo, as the article reports. */
	public static final int GRID_COUNT = 77;

	private WaihaiDemo() {
	}

	/** The n-th grid (1-based) of a community or village. */
	public static RegionCode grid(RegionCode community, int sequence) {
		return RegionCode.of(community.value() + String.format("%03d", sequence));
	}
}

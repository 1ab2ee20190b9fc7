package io.gridgov.workforce.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Chinese names for the demo, from common Cantonese-area surnames and given-name characters, never twice the same. */
final class DemoNames {

	private static final List<String> SURNAMES = List.of("陈", "李", "黄", "张", "梁", "林", "何", "吴", "刘", "谭", "周", "钟",
			"冯", "区", "甄", "余", "关", "伍", "赵", "许", "邓", "麦", "杨", "郑", "罗", "谢", "叶", "苏", "容", "莫");
	private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰志红建文辉嘉欣俊彬淑颖振国家宝美玲永健海燕佩君锦荣德立晓婷子轩浩然梓";

	private final Random random;
	private final Set<String> used = new HashSet<>(Set.of(WorkforceDemo.DEMO_WORKER_NAME));

	DemoNames(Random random) {
		this.random = random;
	}

	String next() {
		String name;
		do {
			String surname = SURNAMES.get(random.nextInt(SURNAMES.size()));
			int length = random.nextInt(4) == 0 ? 1 : 2;
			StringBuilder given = new StringBuilder();
			for (int i = 0; i < length; i++) {
				given.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
			}
			name = surname + given;
		}
		while (!used.add(name));
		return name;
	}
}

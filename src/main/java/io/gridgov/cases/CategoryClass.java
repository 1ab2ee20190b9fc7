package io.gridgov.cases;

/** A class of the category tree (大类), e.g. 市容环境; cases are classified by its leaves. */
public record CategoryClass(String code, String name, String nameEn) {
}

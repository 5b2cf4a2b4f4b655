package io.supportlab.experiments.stats;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/** Walks a result graph of records and lists every double that is NaN or infinite. */
final class FiniteNumbers {

    private FiniteNumbers() {}

    static List<String> nonFinite(Object value) {
        List<String> found = new ArrayList<>();
        walk(value, "result", found);
        return found;
    }

    private static void walk(Object value, String path, List<String> found) {
        if (value instanceof Double number && !Double.isFinite(number)) {
            found.add(path + " = " + number);
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) != null) {
                    walk(list.get(i), path + "[" + i + "]", found);
                }
            }
        } else if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                Object child = read(component, record);
                if (child != null) {
                    walk(child, path + "." + component.getName(), found);
                }
            }
        }
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }
}

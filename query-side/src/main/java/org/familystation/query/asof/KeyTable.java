package org.familystation.query.asof;

import org.familystation.events.common.StationPoint;
import org.familystation.query.asof.ServiceTallies.Key;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tally keys of a stored snapshot or month of deliveries ({@link NetworkSnapshots}, {@link DeliveryMonths}): the
 * names (stations, districts, projects, months) once, then each key as their numbers and its station point, so that
 * what follows names a key by its number in the table.
 */
final class KeyTable {

    private KeyTable() {
    }

    /** Writes the table of {@code keys} (each once); each key's number in it. */
    static Map<Key, Integer> write(DataOutputStream out, Collection<Key> keys) throws IOException {
        Map<String, Integer> names = new LinkedHashMap<>();
        Map<Key, Integer> numbers = new LinkedHashMap<>();
        for (Key key : keys) {
            if (numbers.putIfAbsent(key, numbers.size()) == null) {
                for (String name : names(key)) {
                    if (name != null) {
                        names.putIfAbsent(name, names.size());
                    }
                }
            }
        }
        out.writeInt(names.size());
        for (String name : names.keySet()) {
            out.writeUTF(name);
        }
        out.writeInt(numbers.size());
        for (Key key : numbers.keySet()) {
            for (String name : names(key)) {
                out.writeInt(name == null ? -1 : names.get(name));
            }
            out.writeInt(key.stationPoint() == null ? -1 : key.stationPoint().ordinal());
        }
        return numbers;
    }

    /** Reads a table {@link #write} wrote: the keys by their numbers, each the copy in {@code shared} if there is one. */
    static Key[] read(DataInputStream in, Map<Key, Key> shared) throws IOException {
        String[] names = new String[in.readInt()];
        for (int i = 0; i < names.length; i++) {
            names[i] = in.readUTF();
        }
        StationPoint[] points = StationPoint.values();
        Key[] keys = new Key[in.readInt()];
        for (int i = 0; i < keys.length; i++) {
            String stationId = name(names, in.readInt());
            String district = name(names, in.readInt());
            String projectCode = name(names, in.readInt());
            String projectName = name(names, in.readInt());
            String month = name(names, in.readInt());
            int point = in.readInt();
            Key key = new Key(stationId, district, point < 0 ? null : points[point], projectCode, projectName, month);
            keys[i] = shared.computeIfAbsent(key, same -> same);
        }
        return keys;
    }

    private static String[] names(Key key) {
        return new String[]{key.stationId(), key.district(), key.projectCode(), key.projectName(), key.month()};
    }

    private static String name(String[] names, int number) {
        return number < 0 ? null : names[number];
    }
}

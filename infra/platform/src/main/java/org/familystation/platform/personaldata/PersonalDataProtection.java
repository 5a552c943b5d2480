package org.familystation.platform.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.familystation.events.personaldata.DataSubject;
import org.familystation.events.personaldata.PersonalData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seals personal values for the event store and opens them again: the one place that turns a plain value into
 * its stored form and back ({@link SealedValue}), with the subjects' keys ({@link DataKeys}).
 */
public class PersonalDataProtection {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Optional<Class<?>>> TYPES = new ConcurrentHashMap<>();

    private final DataKeys keys;

    public PersonalDataProtection(DataKeys keys) {
        this.keys = keys;
    }

    /** The stored form of a personal value of the subject. */
    public String seal(String subject, String plain) {
        return keys.keyToWrite(subject)
                .map(key -> SealedValue.seal(subject, key, plain))
                .orElseGet(() -> SealedValue.erased(subject))
                .toString();
    }

    /**
     * The value a stored string reads as: plain text as it is; a sealed value opened, or {@link PersonalData#ERASED}.
     */
    public String open(String stored) {
        SealedValue sealed = SealedValue.parse(stored);
        if (sealed == null) {
            return stored;
        }
        if (sealed.isErased()) {
            return PersonalData.ERASED;
        }
        return keys.keyToRead(sealed.subject()).map(sealed::open).orElse(PersonalData.ERASED);
    }

    /**
     * Stored JSON (an event's payload as the audit trail keeps it) with every sealed value in it opened. JSON
     * without one is given back as it is, unparsed.
     */
    public String openAll(String json) {
        if (json == null || !json.contains(SealedValue.PREFIX)) {
            return json;
        }
        try {
            JsonNode tree = JSON.readTree(json);
            return JSON.writeValueAsString(openAll(tree));
        } catch (IOException notJson) {
            throw new UncheckedIOException("stored JSON does not parse", notJson);
        }
    }

    /**
     * Stored JSON of an event of the given type, opened ({@link #openAll(String)}), and with its personal values
     * erased if it was stored in plain text (before encryption) and its subject was erased since.
     */
    public String openAll(String payloadType, String json) {
        String opened = openAll(json);
        Class<?> type = TYPES.computeIfAbsent(payloadType, PersonalDataProtection::known).orElse(null);
        Optional<RecordComponent> subject = type == null ? Optional.empty()
                : PersonalDataModule.Subjects.component(type);
        if (subject.isEmpty() || opened == null) {
            return opened;
        }
        try {
            JsonNode tree = JSON.readTree(opened);
            JsonNode id = tree.path(subject.get().getName());
            if (!id.isTextual() || !erased(subject.get().getAnnotation(DataSubject.class).value()
                    .subject(id.textValue()))) {
                return opened;
            }
            erasePersonal(type, tree);
            return JSON.writeValueAsString(tree);
        } catch (IOException notJson) {
            throw new UncheckedIOException("stored JSON does not parse", notJson);
        }
    }

    private static Optional<Class<?>> known(String payloadType) {
        try {
            return Optional.of(Class.forName(payloadType));
        } catch (ClassNotFoundException | LinkageError unknown) {
            return Optional.empty();
        }
    }

    private static void erasePersonal(Class<?> type, JsonNode node) {
        if (!(node instanceof ObjectNode object) || !type.isRecord()) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            JsonNode value = object.get(component.getName());
            if (component.isAnnotationPresent(PersonalData.class) && value != null && value.isTextual()) {
                object.put(component.getName(), PersonalData.ERASED);
            } else if (value != null && component.getType().isRecord()) {
                erasePersonal(component.getType(), value);
            }
        }
    }

    private JsonNode openAll(JsonNode node) {
        if (node.isTextual()) {
            try {
                return new TextNode(open(node.textValue()));
            } catch (IllegalStateException notOurs) {
                // Text of the sealed form that no key opens was typed by someone (in any field): shown as typed.
                return node;
            }
        }
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(openAll(field.getValue()));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, openAll(array.get(i)));
            }
        }
        return node;
    }

    /** Whether the subject was erased: their values stored in plain text (before encryption) read as erased too. */
    public boolean erased(String subject) {
        return keys.erased(subject);
    }

    /** Deletes the subject's key: its sealed values read as erased from now on. False when it already was. */
    public boolean erase(String subject) {
        return keys.erase(subject);
    }
}

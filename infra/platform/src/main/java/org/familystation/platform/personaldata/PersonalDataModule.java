package org.familystation.platform.personaldata;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.familystation.events.personaldata.DataSubject;
import org.familystation.events.personaldata.PersonalData;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Makes the event serializer encrypt every {@link PersonalData} text with its subject's key when it writes, and
 * decrypt it when it reads. The subject is the {@link DataSubject} component of the record being written (or the
 * {@link DataSubject} field of an aggregate whose snapshot is being written), or of the nearest record around it (a
 * survey's details belong to the survey event that carries them); a personal value written with no subject around
 * it (a value type on its own) stays plain. Reading needs no subject: a sealed value names its own, and a plain one
 * (an event stored before encryption existed) reads as it is.
 */
public final class PersonalDataModule extends SimpleModule {

    private final transient Supplier<PersonalDataProtection> protection;

    /** @param protection looked up at first use, so that the mapper can exist before the data source does */
    public PersonalDataModule(Supplier<PersonalDataProtection> protection) {
        super("family-station-personal-data");
        this.protection = protection;
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        Sealing sealing = new Sealing(protection);
        Opening opening = new Opening(protection);
        context.addBeanDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                return Subjects.hasPersonalData(description.getBeanClass())
                        ? new ErasingPlainValues(deserializer, protection) : deserializer;
            }
        });
        context.appendAnnotationIntrospector(new NopAnnotationIntrospector() {
            @Override
            public Object findSerializer(Annotated annotated) {
                return personal(annotated) ? sealing : null;
            }

            @Override
            public Object findDeserializer(Annotated annotated) {
                return personal(annotated) ? opening : null;
            }
        });
    }

    private static boolean personal(Annotated annotated) {
        return annotated.getRawType() == String.class && annotated.hasAnnotation(PersonalData.class);
    }

    private static final class Sealing extends JsonSerializer<String> {

        private final Supplier<PersonalDataProtection> protection;

        Sealing(Supplier<PersonalDataProtection> protection) {
            this.protection = protection;
        }

        @Override
        public void serialize(String value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            String subject = Subjects.around(generator.getOutputContext());
            generator.writeString(subject == null ? value : protection.get().seal(subject, value));
        }
    }

    private static final class Opening extends JsonDeserializer<String> {

        private final Supplier<PersonalDataProtection> protection;

        Opening(Supplier<PersonalDataProtection> protection) {
            this.protection = protection;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return protection.get().open(parser.getValueAsString());
        }
    }

    /**
     * Reads an event of an erased subject stored before encryption existed (its personal values in plain text) with
     * those values erased, as if they had been sealed: an erasure reaches old events too.
     */
    private static final class ErasingPlainValues extends DelegatingDeserializer {

        private final Supplier<PersonalDataProtection> protection;

        ErasingPlainValues(JsonDeserializer<?> delegate, Supplier<PersonalDataProtection> protection) {
            super(delegate);
            this.protection = protection;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new ErasingPlainValues(delegate, protection);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            String subject = value == null ? null : Subjects.of(value);
            return subject != null && protection.get().erased(subject) ? Subjects.erased(value) : value;
        }
    }

    /** Finds the subject of the record being written, from the records the generator is inside of. */
    static final class Subjects {

        private static final Map<Class<?>, Optional<RecordComponent>> SUBJECT_COMPONENTS = new ConcurrentHashMap<>();
        private static final Map<Class<?>, Optional<Field>> SUBJECT_FIELDS = new ConcurrentHashMap<>();

        private Subjects() {
        }

        static String around(JsonStreamContext context) {
            for (JsonStreamContext at = context; at != null; at = at.getParent()) {
                Object value = at.getCurrentValue();
                String subject = value == null ? null : of(value);
                if (subject != null) {
                    return subject;
                }
            }
            return null;
        }

        static boolean hasPersonalData(Class<?> type) {
            return component(type).isPresent();
        }

        /** The record with every personal value in it (and in the records it carries) erased. */
        static Object erased(Object value) {
            RecordComponent[] components = value.getClass().getRecordComponents();
            Object[] values = new Object[components.length];
            try {
                for (int i = 0; i < components.length; i++) {
                    Object current = components[i].getAccessor().invoke(value);
                    if (current instanceof String && components[i].isAnnotationPresent(PersonalData.class)) {
                        values[i] = PersonalData.ERASED;
                    } else if (current != null && current.getClass().isRecord()) {
                        values[i] = erased(current);
                    } else {
                        values[i] = current;
                    }
                }
                return value.getClass().getDeclaredConstructor(Arrays.stream(components)
                        .map(RecordComponent::getType).toArray(Class<?>[]::new)).newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot erase the personal data of " + value.getClass(), e);
            }
        }

        /** The component that names the subject of a record's personal data, if it has one. */
        static Optional<RecordComponent> component(Class<?> type) {
            return SUBJECT_COMPONENTS.computeIfAbsent(type, record -> record.isRecord()
                    ? Arrays.stream(record.getRecordComponents())
                            .filter(c -> c.isAnnotationPresent(DataSubject.class)).findFirst()
                    : Optional.empty());
        }

        /** {@code REFERRAL/4f0c…} for an event with a {@link DataSubject}, else null. */
        static String of(Object value) {
            Optional<RecordComponent> component = component(value.getClass());
            try {
                if (component.isPresent()) {
                    return subject(component.get().getAnnotation(DataSubject.class),
                            component.get().getAccessor().invoke(value));
                }
                Optional<Field> field = field(value.getClass());
                return field.isEmpty() ? null
                        : subject(field.get().getAnnotation(DataSubject.class), field.get().get(value));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read the data subject of " + value.getClass(), e);
            }
        }

        private static String subject(DataSubject annotation, Object id) {
            return id == null ? null : annotation.value().subject(id.toString());
        }

        /**
         * The field that names the subject of a class that is not a record: an aggregate whose snapshot holds a
         * personal value.
         */
        private static Optional<Field> field(Class<?> type) {
            return SUBJECT_FIELDS.computeIfAbsent(type, candidate -> candidate.isRecord() ? Optional.empty()
                    : Arrays.stream(candidate.getDeclaredFields())
                            .filter(field -> field.isAnnotationPresent(DataSubject.class)).findFirst()
                            .map(field -> {
                                field.setAccessible(true);
                                return field;
                            }));
        }
    }
}

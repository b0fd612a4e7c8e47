package dev.corebound.bench.report;

import dev.corebound.Backend;
import dev.corebound.Corebound;
import dev.corebound.Platform;
import dev.corebound.internal.kernel.OpenBlasInfo;
import dev.corebound.internal.loader.OpenBlasLibrary;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The facts about the machine and software a report's figures belong to. */
public final class Machine {

    private Machine() {
    }

    /** Name -> value, in the order a report lists them. */
    public static Map<String, String> facts() {
        Platform p = Platform.current();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("date", OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        facts.put("platform", p.id());
        facts.put("cpu", p.cpuModel());
        facts.put("cores", Integer.toString(p.cores()));
        facts.put("simd", String.join(" ", p.simdFeatures()));
        facts.put("jdk", Runtime.version() + " (" + System.getProperty("java.vm.vendor") + ")");
        Corebound.available().stream().filter(s -> s.backend() == Backend.NATIVE && s.available())
                .forEach(s -> facts.put("native", s.detail()));
        if (Corebound.isAvailable(Backend.OPENBLAS)) {
            facts.put("openblas", OpenBlasInfo.config() + "; " + OpenBlasLibrary.info().decision().reason());
        }
        return facts;
    }
}

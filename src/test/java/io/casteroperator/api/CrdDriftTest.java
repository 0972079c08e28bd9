package io.casteroperator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.casteroperator.api.crd.CrdGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The committed CRD copies must be exactly what the Java types generate. */
class CrdDriftTest {

  @ParameterizedTest
  @ValueSource(strings = {"crds", "deploy/crd", "helm/caster-operator/crds"})
  void committedCrdEqualsTheGeneratedOne(String directory) throws IOException {
    Path committed = Path.of(directory, CrdGenerator.FILE_NAME);
    assertEquals(CrdGenerator.generate(), Files.readString(committed),
        committed + " differs from the CRD generated from the api package;"
            + " run: mvn -B -Pupdate-crds process-classes");
  }
}

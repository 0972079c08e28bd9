package io.casteroperator.api.crd;

import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casteroperator.api.Caster;
import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.utils.YamlDumpSettingsBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generates the Caster CRD from the api package. The build runs {@link #main} to write it into
 * target/ (and, with {@code -Pupdate-crds}, into the committed copies); a test compares the
 * committed copies with {@link #generate()}, so they can never drift from the Java types.
 */
public final class CrdGenerator {

  /** File name of the CRD, in crds/, deploy/crd/ and the chart's crds/. */
  public static final String FILE_NAME = "casters." + Caster.GROUP + "-v1.yml";

  private CrdGenerator() {}

  /** Writes the CRD into each directory given. */
  public static void main(String[] directories) throws IOException {
    String yaml = generate();
    for (String directory : directories) {
      Path dir = Path.of(directory);
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(FILE_NAME), yaml, StandardCharsets.UTF_8);
    }
  }

  /** The CRD as YAML. */
  public static String generate() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.setAnnotationIntrospector(
        AnnotationIntrospector.pair(
            new JavadocDescriptions(), mapper.getSerializationConfig().getAnnotationIntrospector()));
    KubernetesSerialization serialization =
        new KubernetesSerialization(
            mapper, false, new YamlDumpSettingsBuilder().setMinimizeQuotes(false).build());
    MemoryOutput output = new MemoryOutput();
    new CRDGenerator()
        .withObjectMapper(mapper, serialization)
        .withOutput(output)
        .withPostProcessor(new CasterPostProcessor())
        .forCRDVersions("v1")
        .customResourceClasses(Caster.class)
        .detailedGenerate();
    return output.text();
  }

  /** Adds what the generator cannot express with annotations. */
  private static final class CasterPostProcessor implements CRDPostProcessor {
    @Override
    public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
      var version = ((CustomResourceDefinition) crd).getSpec().getVersions().get(0);
      // The generator sorts printer columns by name; kubectl shows them in this order.
      java.util.List<String> declared = java.util.Arrays.stream(
          Caster.class.getAnnotationsByType(io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.class))
          .map(io.fabric8.crd.generator.annotation.AdditionalPrinterColumn::name).toList();
      version.getAdditionalPrinterColumns().sort(java.util.Comparator.comparing(c -> declared.indexOf(c.getName())));
      JSONSchemaProps root = version.getSchema().getOpenAPIV3Schema();
      root.setDescription(JavadocDescriptions.classDescription(Caster.class));
      // Without a required spec, removing it and adding it back would slip past the transition rules.
      root.setRequired(java.util.List.of("spec"));
      ItemRules.apply(root.getProperties().get("spec"), io.casteroperator.api.CasterSpec.class);
      ItemRules.apply(root.getProperties().get("status"), io.casteroperator.api.CasterStatus.class);
      return crd;
    }
  }

  private static final class MemoryOutput
      extends CRDGenerator.AbstractCRDOutput<ByteArrayOutputStream> {
    private ByteArrayOutputStream stream;

    @Override
    protected ByteArrayOutputStream createStreamFor(String crdName) {
      stream = new ByteArrayOutputStream();
      return stream;
    }

    String text() {
      return stream.toString(StandardCharsets.UTF_8);
    }
  }
}

package io.modelarts.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The eight images the generated notebooks share, each with every field of the API page's Image
 * table.
 */
final class ImageCatalog {
  private static final long DAY = Duration.ofDays(1).toMillis();

  /** The hand-picked part of an image; ids, times and sizes are drawn from the seed. */
  private record Definition(
      String name,
      String tag,
      String type,
      String visibility,
      String origin,
      String arch,
      List<String> categories,
      String serviceType,
      String namespace,
      List<String> devServices,
      String description,
      int workspace) {}

  private static final List<Definition> DEFINITIONS =
      List.of(
          new Definition(
              "notebook2.0-mul-kernel-cpu-cp36",
              "3.3.2-release_v1",
              "BUILD_IN",
              "PUBLIC",
              "CUSTOMIZE",
              "X86_64",
              List.of("CPU"),
              "DEV",
              "atelier",
              List.of("NOTEBOOK", "SSH"),
              "Multi-kernel CPU image, Python 3.6",
              0),
          new Definition(
              "mindspore1.7.0-cuda10.1-py3.7-ubuntu18.04",
              "2.0.0",
              "BUILD_IN",
              "PUBLIC",
              "CUSTOMIZE",
              "X86_64",
              List.of("GPU"),
              "DEV",
              "atelier",
              List.of("NOTEBOOK", "SSH"),
              "MindSpore 1.7 with CUDA 10.1",
              0),
          new Definition(
              "pytorch1.8-cuda10.2-cudnn7-ubuntu18.04",
              "2.0.0",
              "BUILD_IN",
              "PUBLIC",
              "CUSTOMIZE",
              "X86_64",
              List.of("CPU", "GPU"),
              "DEV",
              "atelier",
              List.of("NOTEBOOK", "SSH"),
              "PyTorch 1.8, CUDA 10.2, cuDNN 7",
              0),
          new Definition(
              "tensorflow2.1-cuda10.1-cudnn7-ubuntu18.04",
              "2.0.0",
              "BUILD_IN",
              "PUBLIC",
              "CUSTOMIZE",
              "X86_64",
              List.of("GPU"),
              "COMMON",
              "atelier",
              List.of("NOTEBOOK"),
              "TensorFlow 2.1 for GPU notebooks",
              0),
          new Definition(
              "mindspore1.7.0-py3.7-euleros2.8-aarch64",
              "2.0.0",
              "BUILD_IN",
              "PUBLIC",
              "CUSTOMIZE",
              "AARCH64",
              List.of("CPU"),
              "DEV",
              "atelier",
              List.of("NOTEBOOK", "SSH"),
              "MindSpore on Arm (aarch64)",
              0),
          new Definition(
              "pytorch1.10-custom-dev",
              "v3",
              "DEDICATED",
              "PRIVATE",
              "CUSTOMIZE",
              "X86_64",
              List.of("CPU", "GPU"),
              "DEV",
              "team-vision",
              List.of("NOTEBOOK", "SSH"),
              "Team image with OpenCV and timm",
              1),
          new Definition(
              "notebook-snapshot-resnet",
              "20240512-1130",
              "DEDICATED",
              "PRIVATE",
              "IMAGE_SAVE",
              "X86_64",
              List.of("GPU"),
              "TRAIN",
              "team-vision",
              List.of("NOTEBOOK"),
              "Saved from notebook nb-train-resnet-0042",
              1),
          new Definition(
              "conda3-python3.9-cpu",
              "latest",
              "DEDICATED",
              "PUBLIC",
              "CUSTOMIZE",
              "X86_64",
              List.of("CPU"),
              "UNKNOWN",
              "data-science",
              List.of("SSH"),
              "Conda-Umgebung für Datenanalyse (Größe ≈ 6 GB)",
              2));

  private ImageCatalog() {}

  static List<ObjectNode> generate(long seed, long referenceTime, List<String> workspaceIds) {
    List<ObjectNode> images = new ArrayList<>();
    for (int i = 0; i < DEFINITIONS.size(); i++) {
      Definition definition = DEFINITIONS.get(i);
      DeterministicRandom random = DeterministicRandom.of(seed, "image", i);
      long createAt = referenceTime - (200 + random.nextLong(400)) * DAY;
      ObjectNode image =
          Json.object()
              .put("arch", definition.arch())
              .put("create_at", createAt)
              .put("description", definition.description())
              .put("id", random.uuid())
              .put("name", definition.name())
              .put("namespace", definition.namespace())
              .put("origin", definition.origin())
              .put("service_type", definition.serviceType())
              .put("size", 4_000_000L + random.nextLong(16_000_000L))
              .put("status", "ACTIVE")
              .put(
                  "status_message",
                  "IMAGE_SAVE".equals(definition.origin()) ? "Image saved successfully." : "")
              .put(
                  "swr_path",
                  "swr.eu-de.otc.t-systems.com/"
                      + definition.namespace()
                      + "/"
                      + definition.name()
                      + ":"
                      + definition.tag())
              .put("tag", definition.tag())
              .put("type", definition.type())
              .put("update_at", createAt + random.nextLong(100) * DAY)
              .put("visibility", definition.visibility())
              .put("workspace_id", workspaceIds.get(definition.workspace()));
      definition.devServices().forEach(image.putArray("dev_services")::add);
      definition.categories().forEach(image.putArray("resource_categories")::add);
      definition.categories().forEach(image.putArray("support_res_categories")::add);
      images.add(image);
    }
    return List.copyOf(images);
  }
}

package io.modelarts.simulator;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Generates realistic, varied notebooks from a seed: the same seed and index always give the same
 * notebook.
 *
 * <p>The variety is what a client must survive: both features, all 14 statuses, optional objects
 * that are sometimes absent, image copies with missing fields, duplicate and mixed-case names,
 * unicode and null descriptions, and undocumented extra fields.
 */
final class NotebookGenerator {
  /** The 14 documented statuses, in the API page's order. */
  static final List<String> STATUSES =
      List.of(
          "INIT",
          "CREATING",
          "STARTING",
          "STOPPING",
          "DELETING",
          "RUNNING",
          "STOPPED",
          "SNAPSHOTTING",
          "CREATE_FAILED",
          "START_FAILED",
          "DELETE_FAILED",
          "ERROR",
          "DELETED",
          "FROZEN");

  /** Weights of {@link #STATUSES}: RUNNING and STOPPED dominate, as in any real project. */
  private static final int[] STATUS_WEIGHTS = {2, 3, 3, 3, 2, 34, 34, 2, 3, 3, 2, 3, 3, 3};

  static final String FEATURE_NOTEBOOK = "NOTEBOOK";
  static final String FEATURE_DEFAULT = "DEFAULT";

  /** From these sizes on, the data set is guaranteed to hold a DEFAULT notebook / every status. */
  static final int MIN_FOR_DEFAULT_FEATURE = 20;

  static final int MIN_FOR_ALL_STATUSES = 100;

  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final long HOUR = Duration.ofHours(1).toMillis();

  private static final Set<String> FAILED_STATUSES =
      Set.of("CREATE_FAILED", "START_FAILED", "DELETE_FAILED", "ERROR");
  private static final Set<String> STATUSES_WITHOUT_URL =
      Set.of("INIT", "CREATING", "CREATE_FAILED", "DELETED");

  private static final List<String> PURPOSES =
      List.of("train", "eval", "infer", "explore", "debug", "finetune");
  private static final List<String> MODELS =
      List.of("resnet", "bert", "yolo", "llama", "gpt2", "unet", "vit", "xgboost");
  private static final Map<String, String> MODEL_DISPLAY_NAMES =
      Map.of(
          "resnet", "ResNet", "bert", "BERT", "yolo", "YOLO", "llama", "LLaMA", "gpt2", "GPT2",
          "unet", "UNet", "vit", "ViT", "xgboost", "XGBoost");
  private static final List<String> DESCRIPTIONS =
      List.of(
          "api-test",
          "Training ResNet-50 on an ImageNet subset",
          "数据预处理与特征工程",
          "模型训练实验：学习率调优",
          "Größenänderung der Bilder für das Modell",
          "Überprüfung der Trainingsdaten (Äpfel & Öl)",
          "🚀 quick experiment 🧪",
          "モデルの評価とチューニング",
          "Fine-tune BERT für Sentiment-Analyse 😀",
          "line one\nline two with \"quotes\", a tab\tand a \\backslash",
          "Ünïcödé ✓ — em dash, ‘smart quotes’",
          "Long description: "
              + "Exploratory data analysis of sensor readings. ".repeat(10).trim());
  private static final List<String> NOTEBOOK_FLAVORS =
      List.of(
          "modelarts.vm.cpu.2u",
          "modelarts.vm.cpu.8u",
          "modelarts.vm.gpu.p100",
          "modelarts.vm.gpu.v100",
          "modelarts.vm.gpu.t4",
          "modelarts.bm.gpu.8v100");
  private static final String FREE_FLAVOR = "modelarts.vm.cpu.free";
  private static final List<String> FAIL_REASONS =
      List.of(
          "Insufficient resources in the resource pool. Try again later.",
          "Failed to pull the image from SWR.",
          "Failed to mount the storage volume.",
          "The instance did not become ready within 30 minutes.");
  private static final List<String> STEP_DESCRIPTIONS =
      List.of(
          "Prepare storage",
          "Prepare compute resources",
          "Configure the network",
          "Initialize the instance");

  /**
   * The feature and status of one notebook, decided before its body so coverage fixes can change
   * them.
   */
  private record Plan(String feature, String status) {}

  private final long seed;
  private final Tenant tenant;
  private final boolean reportOwner;

  NotebookGenerator(long seed, Tenant tenant, boolean reportOwner) {
    this.seed = seed;
    this.tenant = requireNonNull(tenant, "tenant == null");
    this.reportOwner = reportOwner;
  }

  /**
   * The initial data set of {@code count} notebooks, created within 90 days before the reference
   * time.
   */
  List<StoredNotebook> initialNotebooks(int count) {
    List<Plan> plans = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      plans.add(plan(i));
    }
    ensureDefaultFeature(plans);
    ensureEveryStatus(plans);
    List<StoredNotebook> notebooks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long createAt =
          tenant.referenceTimeMillis()
              - DeterministicRandom.of(seed, "created", i).nextLong(90 * DAY);
      notebooks.add(build(i, plans.get(i), createAt, false));
    }
    return notebooks;
  }

  /**
   * A notebook added after the initial set ({@code ordinal} 0, 1, ...): it is newer than every
   * initial one, as a freshly created instance is, so it lands on the first page of the default
   * order.
   */
  StoredNotebook addedNotebook(int index, int ordinal) {
    long createAt = tenant.referenceTimeMillis() + (ordinal + 1L) * 60_000L;
    return build(index, plan(index), createAt, true);
  }

  private Plan plan(int index) {
    DeterministicRandom random = DeterministicRandom.of(seed, "plan", index);
    String feature = random.chance(0.05) ? FEATURE_DEFAULT : FEATURE_NOTEBOOK;
    return new Plan(feature, random.pickWeighted(STATUSES, STATUS_WEIGHTS));
  }

  private void ensureDefaultFeature(List<Plan> plans) {
    if (plans.size() < MIN_FOR_DEFAULT_FEATURE
        || plans.stream().anyMatch(plan -> plan.feature().equals(FEATURE_DEFAULT))) {
      return;
    }
    int index = DeterministicRandom.of(seed, "default-feature", 0).nextInt(plans.size());
    plans.set(index, new Plan(FEATURE_DEFAULT, plans.get(index).status()));
  }

  private void ensureEveryStatus(List<Plan> plans) {
    if (plans.size() < MIN_FOR_ALL_STATUSES) {
      return;
    }
    for (int s = 0; s < STATUSES.size(); s++) {
      String status = STATUSES.get(s);
      if (plans.stream().anyMatch(plan -> plan.status().equals(status))) {
        continue;
      }
      // Take the slot from one of the two common statuses, so no other status can disappear.
      int start = DeterministicRandom.of(seed, "status-cover", s).nextInt(plans.size());
      for (int step = 0; step < plans.size(); step++) {
        int index = (start + step) % plans.size();
        String current = plans.get(index).status();
        if (current.equals("RUNNING") || current.equals("STOPPED")) {
          plans.set(index, new Plan(plans.get(index).feature(), status));
          break;
        }
      }
    }
  }

  private StoredNotebook build(int index, Plan plan, long createAt, boolean added) {
    DeterministicRandom random = DeterministicRandom.of(seed, "body", index);
    boolean free = plan.feature().equals(FEATURE_DEFAULT);
    String id = random.uuid();
    String owner = random.pickWeighted(tenant.ownerIds(), new int[] {40, 30, 20, 10});
    ObjectNode notebook =
        Json.object()
            .put("id", id)
            .put("name", nameOf(index))
            .put("feature", plan.feature())
            .put("flavor", free ? FREE_FLAVOR : random.pick(NOTEBOOK_FLAVORS))
            .put("status", plan.status())
            .put("token", random.uuid())
            .put(
                "workspace_id",
                free ? "0" : random.pickWeighted(tenant.workspaceIds(), new int[] {70, 15, 15}));
    putDescription(notebook, random);
    notebook.set("image", imageCopy(random));
    notebook.set("lease", lease(random, createAt, added, plan.status().equals("RUNNING")));
    notebook.set("volume", volume(random, free));
    putEndpoints(notebook, random);
    putActionProgress(notebook, random, id, plan.status());
    putFailReason(notebook, random, plan.status());
    if (!STATUSES_WITHOUT_URL.contains(plan.status())) {
      notebook.put("url", "https://authoring-modelarts-eu-de.otc.t-systems.com/" + id + "/lab");
    }
    if (!free && random.chance(0.32)) {
      Tenant.Pool pool = random.pick(tenant.pools());
      notebook.putObject("pool").put("id", pool.id()).put("name", pool.name());
    }
    putUndocumentedFields(notebook, random, owner, free);
    if (reportOwner) {
      notebook.put("owner", owner);
    }
    return new StoredNotebook(owner, notebook);
  }

  /**
   * The name of notebook {@code index}. About one in twenty repeats an earlier notebook's name,
   * half of those in different letter case, so clients meet duplicates and case-only differences.
   */
  private String nameOf(int index) {
    DeterministicRandom random = DeterministicRandom.of(seed, "name", index);
    if (index > 0 && random.chance(0.05)) {
      String earlier = nameOf(random.nextInt(index));
      return random.chance(0.5) ? earlier : swapCase(earlier);
    }
    String purpose = random.pick(PURPOSES);
    String model = random.pick(MODELS);
    int number = random.nextInt(10_000);
    int style = random.nextInt(100);
    if (style < 60) {
      return String.format(Locale.ROOT, "nb-%s-%s-%04d", purpose, model, number);
    }
    if (style < 75) {
      return String.format(
          Locale.ROOT,
          "NB-%s-%s-%04d",
          capitalize(purpose),
          MODEL_DISPLAY_NAMES.get(model),
          number);
    }
    if (style < 90) {
      return "notebook_" + random.hex(8);
    }
    return String.format(Locale.ROOT, "Exp_%s_v%d", MODEL_DISPLAY_NAMES.get(model), number % 20);
  }

  private void putDescription(ObjectNode notebook, DeterministicRandom random) {
    int roll = random.nextInt(100);
    if (roll < 10) {
      return; // absent
    }
    if (roll < 18) {
      notebook.putNull("description");
    } else if (roll < 23) {
      notebook.put("description", "");
    } else {
      notebook.put("description", random.pick(DESCRIPTIONS));
    }
  }

  /**
   * This notebook's copy of a shared image: complete, the brief form of the API page's example (id,
   * name, swr_path, type), or with random fields missing. Copies share the catalog's nodes, which
   * is safe because stored notebooks are never modified, and keeps large data sets small.
   */
  private ObjectNode imageCopy(DeterministicRandom random) {
    ObjectNode full = random.pick(tenant.images());
    int roll = random.nextInt(100);
    if (roll < 45) {
      return full;
    }
    ObjectNode copy = Json.object();
    if (roll < 80) {
      for (String field : List.of("id", "name", "swr_path", "type")) {
        copy.set(field, full.get(field));
      }
      return copy;
    }
    for (Map.Entry<String, JsonNode> field : full.properties()) {
      if (field.getKey().equals("id") || !random.chance(0.35)) {
        copy.set(field.getKey(), field.getValue());
      }
    }
    return copy;
  }

  private ObjectNode lease(
      DeterministicRandom random, long createAt, boolean added, boolean running) {
    long duration = random.pick(List.of(1L, 2L, 4L, 8L, 24L)) * HOUR;
    boolean enable = random.chance(0.75);
    if (running && enable && !added) {
      // A running instance with auto-stop on has not reached create_at + duration yet (API page:
      // past that the service stops it), so its lease began less than one duration ago.
      createAt = tenant.referenceTimeMillis() - random.nextLong(duration);
    }
    long updateAt =
        added || random.chance(0.25)
            ? createAt
            : createAt + random.nextLong(Math.max(1, tenant.referenceTimeMillis() - createAt));
    ObjectNode lease =
        Json.object()
            .put("create_at", createAt)
            .put("update_at", updateAt)
            .put("duration", duration)
            .put("enable", enable);
    if (random.chance(0.6)) {
      lease.put("type", "TIMING");
    }
    return lease;
  }

  private ObjectNode volume(DeterministicRandom random, boolean free) {
    ObjectNode volume = Json.object().put("mount_path", "/home/ma-user/work/");
    if (!free && random.chance(0.45)) {
      volume
          .put("category", "EFS")
          .put("capacity", 50)
          .put("ownership", random.chance(0.3) ? "DEDICATED" : "MANAGED");
    } else {
      volume
          .put("category", "EVS")
          .put("capacity", free ? 5 : (int) random.pick(List.of(5, 10, 20, 50, 100, 500, 4096)))
          .put("ownership", "MANAGED");
    }
    if (random.chance(0.03)) {
      volume.put("status", "RESIZING");
    }
    return volume;
  }

  private void putEndpoints(ObjectNode notebook, DeterministicRandom random) {
    int roll = random.nextInt(100);
    if (roll < 25) {
      return; // absent
    }
    ArrayNode endpoints = notebook.putArray("endpoints");
    if (roll < 35) {
      return; // present but empty
    }
    boolean both = roll >= 75;
    boolean notebookFirst = both || random.chance(0.7);
    if (notebookFirst) {
      endpoints.addObject().put("dev_service", "NOTEBOOK");
    }
    if (both || !notebookFirst) {
      ObjectNode ssh = endpoints.addObject().put("dev_service", "SSH");
      if (random.chance(0.8)) {
        ArrayNode ips = ssh.putArray("allowed_access_ips");
        for (int i = random.between(0, 3); i > 0; i--) {
          ips.add("192.0.2." + random.between(1, 254));
        }
      }
      ArrayNode keys = ssh.putArray("ssh_keys");
      for (int i = random.between(1, 2); i > 0; i--) {
        keys.add("KeyPair-" + random.hex(4));
      }
    }
  }

  private void putActionProgress(
      ObjectNode notebook, DeterministicRandom random, String id, String status) {
    int steps;
    String lastStepStatus;
    switch (status) {
      case "INIT" -> {
        steps = random.between(1, 2);
        lastStepStatus = "WAITING";
      }
      case "CREATING", "STARTING" -> {
        steps = random.between(1, 4);
        lastStepStatus = "PROCESSING";
      }
      case "CREATE_FAILED", "START_FAILED" -> {
        steps = random.between(1, 4);
        lastStepStatus = "FAILED";
      }
      default -> {
        int roll = random.nextInt(100);
        if (roll < 50) {
          return; // absent
        }
        steps = roll < 70 ? 0 : 4;
        lastStepStatus = "COMPLETED";
      }
    }
    ArrayNode progress = notebook.putArray("action_progress");
    for (int step = 1; step <= steps; step++) {
      ObjectNode element =
          progress
              .addObject()
              .put("step", step)
              .put("status", step == steps ? lastStepStatus : "COMPLETED")
              .put("step_description", STEP_DESCRIPTIONS.get(step - 1));
      // The API page lists notebook_id, but real answers do not always carry it.
      if (random.chance(0.5)) {
        element.put("notebook_id", id);
      }
    }
  }

  private void putFailReason(ObjectNode notebook, DeterministicRandom random, String status) {
    if (FAILED_STATUSES.contains(status)) {
      notebook.put("fail_reason", random.pick(FAIL_REASONS));
    } else if (status.equals("FROZEN")) {
      notebook.put("fail_reason", "The account is frozen because of arrears.");
    } else if (random.chance(0.05)) {
      notebook.putNull("fail_reason");
    }
  }

  /** Fields real answers carry beyond the API page; a client must ignore them. */
  private void putUndocumentedFields(
      ObjectNode notebook, DeterministicRandom random, String owner, boolean free) {
    if (!free && random.chance(0.6)) {
      ArrayNode billing = notebook.putArray("billing_items");
      billing.add("COMPUTE");
      if (random.chance(0.5)) {
        billing.add("STORAGE");
      }
    }
    if (random.chance(0.5)) {
      int ownerIndex = tenant.ownerIds().indexOf(owner);
      notebook
          .putObject("user")
          .put("id", owner)
          .put("name", tenant.ownerNames().get(ownerIndex))
          .put("domain_id", tenant.domainId());
    }
    if (random.chance(0.2)) {
      ObjectNode requirement =
          notebook
              .putObject("affinity")
              .putObject("node_affinity")
              .putArray("required")
              .addObject()
              .put("key", "os.modelarts/resource.id")
              .put("operator", "In");
      requirement.putArray("values").add("node-" + random.hex(6));
    }
    if (random.chance(0.3)) {
      ArrayNode tags = notebook.putArray("tags");
      tags.addObject()
          .put("key", "team")
          .put("value", random.pick(List.of("cv", "nlp", "tabular")));
      if (random.chance(0.5)) {
        tags.addObject().put("key", "cost-center").put("value", "cc-" + random.between(100, 999));
      }
    }
  }

  private static String capitalize(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  private static String swapCase(String text) {
    StringBuilder swapped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      swapped.append(
          Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
    }
    return swapped.toString();
  }
}

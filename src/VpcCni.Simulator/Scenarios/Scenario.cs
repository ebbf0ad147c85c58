using System.Text.Json;
using YamlDotNet.Core;

namespace VpcCni.Simulator.Scenarios;

/// <summary>
/// The world a simulator starts with: VPC, subnets, security groups, instances, delays, IMDS lag,
/// throttling, faults and the IAM allow-list. Loaded from JSON (or YAML) by <see cref="Load"/>;
/// <see cref="Default"/> is the world used without a file.
/// </summary>
public sealed class Scenario
{
    public string Region { get; set; } = "us-west-2";

    public string AccountId { get; set; } = "111122223333";

    /// <summary>Seed of the id and MAC generator, so a scenario yields the same ids every run.</summary>
    public int Seed { get; set; } = 1;

    public ScenarioVpc Vpc { get; set; } = new();

    public List<ScenarioSubnet> Subnets { get; set; } = [];

    public List<ScenarioSecurityGroup> SecurityGroups { get; set; } = [];

    public List<ScenarioInstance> Instances { get; set; } = [];

    /// <summary>Instance types added to the engine's catalog (served by DescribeInstanceTypes, usable by instances).</summary>
    public List<ScenarioInstanceType> InstanceTypes { get; set; } = [];

    public ScenarioDelays Delays { get; set; } = new();

    public ScenarioImds Imds { get; set; } = new();

    public ScenarioEventualConsistency EventualConsistency { get; set; } = new();

    /// <summary>SigV4 verification against configured credentials; null (default) leaves the endpoint open.</summary>
    public ScenarioAuthentication? Authentication { get; set; }

    public ScenarioThrottling Throttling { get; set; } = new();

    public List<FaultRule> Faults { get; set; } = [];

    /// <summary>The IAM allow-list of EC2 actions; null allows every action. Others answer UnauthorizedOperation.</summary>
    public List<string>? AllowedActions { get; set; }

    /// <summary>Cap on 1 + secondaries + prefixes of an unattached ENI, which has no instance-type limit (EC2 API Reference, CreateNetworkInterface).</summary>
    public int MaxAddressesPerUnattachedEni { get; set; } = 50;

    /// <summary>us-west-2, VPC 10.0.0.0/16, a /19 subnet in each of us-west-2a/b/c, a default security group, one m5.large in us-west-2a.</summary>
    public static Scenario Default() => new()
    {
        Vpc = new ScenarioVpc { CidrBlocks = ["10.0.0.0/16"], Ipv6CidrBlock = "2600:1f14:abc:5600::/56" },
        Subnets =
        [
            new ScenarioSubnet { AvailabilityZone = "us-west-2a", CidrBlock = "10.0.0.0/19", Ipv6CidrBlock = "2600:1f14:abc:5600::/64" },
            new ScenarioSubnet { AvailabilityZone = "us-west-2b", CidrBlock = "10.0.32.0/19", Ipv6CidrBlock = "2600:1f14:abc:5601::/64" },
            new ScenarioSubnet { AvailabilityZone = "us-west-2c", CidrBlock = "10.0.64.0/19", Ipv6CidrBlock = "2600:1f14:abc:5602::/64" },
        ],
        SecurityGroups = [new ScenarioSecurityGroup()],
        Instances = [new ScenarioInstance { InstanceType = "m5.large", AvailabilityZone = "us-west-2a" }],
    };

    /// <summary>Reads and validates a scenario file (.json, or .yaml/.yml).</summary>
    /// <exception cref="ScenarioException">The file is missing, malformed or names an invalid value; the message names the field.</exception>
    public static Scenario Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException(path, "(file)", $"cannot be read: {ex.Message}", ex);
        }

        var extension = Path.GetExtension(path);
        return extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase)
            ? FromYaml(text, path)
            : FromJson(text, path);
    }

    /// <summary>Parses and validates scenario JSON; <paramref name="source"/> names it in errors.</summary>
    public static Scenario FromJson(string json, string source = "scenario")
    {
        Scenario? scenario;
        try
        {
            scenario = JsonSerializer.Deserialize(json, ScenarioJsonContext.Default.Scenario);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) ? "(document)" : ex.Path;
            throw new ScenarioException(source, field, $"is not valid (line {(ex.LineNumber ?? 0) + 1}): {ex.Message}", ex);
        }

        if (scenario is null)
        {
            throw new ScenarioException(source, "(document)", "is empty; expected a JSON object");
        }

        ScenarioValidator.Validate(scenario, source);
        return scenario;
    }

    /// <summary>Parses and validates scenario YAML (same field names as the JSON form).</summary>
    public static Scenario FromYaml(string yaml, string source = "scenario")
    {
        Scenario? scenario;
        try
        {
            scenario = ScenarioYaml.Deserialize(yaml);
        }
        catch (YamlException ex)
        {
            throw new ScenarioException(source, $"(line {ex.Start.Line}, column {ex.Start.Column})", $"is not valid: {ex.InnerException?.Message ?? ex.Message}", ex);
        }
        catch (JsonException ex)
        {
            throw new ScenarioException(source, string.IsNullOrEmpty(ex.Path) ? "(document)" : ex.Path, $"is not valid: {ex.Message}", ex);
        }

        if (scenario is null)
        {
            throw new ScenarioException(source, "(document)", "is empty; expected a mapping");
        }

        ScenarioValidator.Validate(scenario, source);
        return scenario;
    }

    /// <summary>The scenario as indented JSON (the format <see cref="FromJson"/> reads).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ScenarioJsonContext.Default.Scenario);
}

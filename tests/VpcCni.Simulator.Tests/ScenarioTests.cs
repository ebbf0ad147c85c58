using VpcCni.Engine.Errors;
using VpcCni.Simulator.Scenarios;

namespace VpcCni.Simulator.Tests;

public sealed class ScenarioTests
{
    private const string Valid = """
        {
          "region": "eu-west-1",
          "vpc": { "cidrBlocks": ["10.1.0.0/16", "100.64.0.0/16"] },
          "subnets": [
            { "availabilityZone": "eu-west-1a", "cidrBlock": "10.1.0.0/20", "tags": { "kubernetes.io/role/cni": "1" } },
            { "availabilityZone": "eu-west-1b", "cidrBlock": "100.64.0.0/20" }
          ],
          "securityGroups": [ { "name": "nodes" } ],
          "instances": [ { "instanceType": "c5.9xlarge", "availabilityZone": "eu-west-1b" } ],
          "delays": { "attachMs": 100, "detachMs": 200 },
          "imds": { "attachLagMs": 50 },
          "throttling": { "enabled": false },
          "faults": [ { "action": "CreateTags", "errorCode": "InternalError", "count": 2 } ],
          "allowedActions": ["DescribeNetworkInterfaces"]
        }
        """;

    [Fact]
    public void AValidFileLoadsEveryField()
    {
        var scenario = Scenario.FromJson(Valid);
        Assert.Equal("eu-west-1", scenario.Region);
        Assert.Equal(2, scenario.Subnets.Count);
        Assert.Equal("c5.9xlarge", scenario.Instances[0].InstanceType);
        Assert.False(scenario.Throttling.Enabled);
        Assert.Equal(2, scenario.Faults[0].Count);
        Assert.Equal(["DescribeNetworkInterfaces"], scenario.AllowedActions);
    }

    [Fact]
    public void YamlAndJsonDescribeTheSameWorld()
    {
        var yaml = """
            region: us-east-1
            vpc:
              cidrBlocks: [192.168.0.0/16]
            subnets:
              - availabilityZone: us-east-1a
                cidrBlock: 192.168.0.0/24
            instances:
              - instanceType: t3.medium
            """;
        var scenario = Scenario.FromYaml(yaml);
        Assert.Equal("us-east-1", scenario.Region);
        Assert.Equal("t3.medium", scenario.Instances[0].InstanceType);
        Assert.Equal(scenario.ToJson(), Scenario.FromJson(scenario.ToJson()).ToJson());
    }

    [Theory]
    [InlineData("\"cidrBlock\": \"10.1.0.0/20\"", "\"cidrBlock\": \"10.9.0.0/20\"", "subnets[0].cidrBlock", "not inside the VPC")]
    [InlineData("\"instanceType\": \"c5.9xlarge\"", "\"instanceType\": \"c5.mega\"", "instances[0].instanceType", "not a known instance type")]
    [InlineData("\"availabilityZone\": \"eu-west-1a\"", "\"availabilityZone\": \"us-west-2a\"", "subnets[0].availabilityZone", "region followed by one letter")]
    [InlineData("\"action\": \"CreateTags\"", "\"action\": \"RunInstances\"", "faults[0].action", "not an action")]
    [InlineData("\"attachMs\": 100", "\"attachMs\": -1", "delays.attachMs", "0 or more")]
    [InlineData("\"region\": \"eu-west-1\"", "\"regoin\": \"eu-west-1\"", "$.regoin", "could not be mapped")]
    [InlineData("\"cidrBlock\": \"100.64.0.0/20\"", "\"cidrBlock\": \"10.1.8.0/24\"", "subnets[1].cidrBlock", "overlaps subnets[0]")]
    [InlineData("{ \"name\": \"nodes\" }", "{ \"id\": \"sg-abc\", \"name\": \"nodes\" }", "securityGroups[0].id", "8 or 17 lower-case hex digits")]
    public void BadFieldsAreReportedByPathWithTheReason(string from, string to, string field, string reason)
    {
        var ex = Assert.Throws<ScenarioException>(() => Scenario.FromJson(Valid.Replace(from, to, StringComparison.Ordinal), "bad.json"));
        Assert.Equal(field, ex.Field);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("bad.json: ", ex.Message, StringComparison.Ordinal);
        Assert.Equal(VpcCniErrorCategory.InvalidConfiguration, ex.Category);
        Assert.Equal(ErrorIds.Simulator.InvalidScenario, ex.ErrorId);
    }

    [Fact]
    public void MalformedJsonNamesTheLine()
    {
        var ex = Assert.Throws<ScenarioException>(() => Scenario.FromJson("{\n \"region\": \"x\",\n \"subnets\": [ { \"cidrBlock\": 7 } ]\n}", "f.json"));
        Assert.Equal("$.subnets[0].cidrBlock", ex.Field);
        Assert.Contains("line 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFileIsAScenarioError()
    {
        var ex = Assert.Throws<ScenarioException>(() => Scenario.Load("/nonexistent/scenario.json"));
        Assert.Contains("cannot be read", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDefaultWorldHasThreeAzsAndOneM5Large()
    {
        var scenario = Scenario.Default();
        Assert.Equal(["us-west-2a", "us-west-2b", "us-west-2c"], scenario.Subnets.Select(s => s.AvailabilityZone));
        Assert.Equal("m5.large", scenario.Instances.Single().InstanceType);
    }
}

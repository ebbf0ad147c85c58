using VpcCni.Engine.Errors;
using VpcCni.Plugin.Cni;

namespace VpcCni.Plugin.Tests.Cni;

public sealed class CniEnvironmentTests
{
    private static Dictionary<string, string> Full() => new()
    {
        ["CNI_COMMAND"] = "ADD",
        ["CNI_CONTAINERID"] = "abc123",
        ["CNI_NETNS"] = "/var/run/netns/x",
        ["CNI_IFNAME"] = "eth0",
        ["CNI_PATH"] = "/opt/cni/bin",
    };

    [Theory]
    [InlineData(CniCommand.Add, "CNI_COMMAND,CNI_CONTAINERID,CNI_NETNS,CNI_IFNAME,CNI_PATH")]
    [InlineData(CniCommand.Check, "CNI_COMMAND,CNI_CONTAINERID,CNI_NETNS,CNI_IFNAME,CNI_PATH")]
    [InlineData(CniCommand.Del, "CNI_COMMAND,CNI_CONTAINERID,CNI_IFNAME,CNI_PATH")]
    [InlineData(CniCommand.Gc, "CNI_COMMAND,CNI_PATH")]
    [InlineData(CniCommand.Status, "CNI_COMMAND")]
    [InlineData(CniCommand.Version, "CNI_COMMAND")]
    public void EachCommandRequiresTheVariablesOfTheSpecTable(CniCommand command, string required) =>
        Assert.Equal(required, string.Join(',', CniVariables.RequiredFor(command)));

    [Theory]
    [InlineData("CNI_CONTAINERID")]
    [InlineData("CNI_NETNS")]
    [InlineData("CNI_IFNAME")]
    [InlineData("CNI_PATH")]
    public void AddWithoutARequiredVariableIsCode4NamingIt(string missing)
    {
        var environment = Full();
        environment.Remove(missing);
        var e = Assert.Throws<CniException>(() => CniEnvironment.Read(CniCommand.Add, environment));
        Assert.Equal((4, ErrorIds.Plugin.MissingEnvironment), (e.Code, e.ErrorId));
        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DelNeedsNoNetnsAndKeepsItEmpty()
    {
        var environment = Full();
        environment.Remove("CNI_NETNS");
        Assert.Equal(string.Empty, CniEnvironment.Read(CniCommand.Del, environment).Netns);
    }

    [Theory]
    [InlineData("CNI_CONTAINERID", "-starts-with-dash")]
    [InlineData("CNI_CONTAINERID", "has space")]
    [InlineData("CNI_CONTAINERID", "slash/inside")]
    [InlineData("CNI_IFNAME", "this-name-is-too-long")]
    [InlineData("CNI_IFNAME", "eth/0")]
    [InlineData("CNI_IFNAME", "eth:0")]
    [InlineData("CNI_IFNAME", "..")]
    [InlineData("CNI_NETNS", "relative/netns")]
    public void AMalformedVariableIsCode4(string name, string value)
    {
        var environment = Full();
        environment[name] = value;
        var e = Assert.Throws<CniException>(() => CniEnvironment.Read(CniCommand.Add, environment));
        Assert.Equal((4, ErrorIds.Plugin.InvalidEnvironment), (e.Code, e.ErrorId));
    }

    [Theory]
    [InlineData("ADD", CniCommand.Add)]
    [InlineData("DEL", CniCommand.Del)]
    [InlineData("CHECK", CniCommand.Check)]
    [InlineData("STATUS", CniCommand.Status)]
    [InlineData("GC", CniCommand.Gc)]
    [InlineData("VERSION", CniCommand.Version)]
    [InlineData("add", null)]
    [InlineData("", null)]
    public void CniCommandIsMatchedExactly(string value, CniCommand? expected) => Assert.Equal(expected, CniVariables.Parse(value));
}

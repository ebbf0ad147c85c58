using VpcCni.Engine.Configuration;
using VpcCni.Engine.Errors;
using VpcCni.Engine.NodeSettings;

namespace VpcCni.Engine.Tests.NodeSettings;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class EnvFileEditorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vpccni-edit-").FullName;

    private string EnvFile => Path.Combine(_dir, "vpc-cni.env");

    [Fact]
    public void SettingAVariableRewritesItsLineAndKeepsCommentsOrderAndOtherLines()
    {
        File.WriteAllText(EnvFile, "# warm pool\nWARM_IP_TARGET=5\n\n; logging\nAWS_VPC_K8S_CNI_LOGLEVEL=info\n");

        var change = EnvFileEditor.Apply(EnvFile, Changes(("WARM_IP_TARGET", "12")));

        Assert.Equal("# warm pool\nWARM_IP_TARGET=12\n\n; logging\nAWS_VPC_K8S_CNI_LOGLEVEL=info\n", File.ReadAllText(EnvFile));
        Assert.True(change.Written);
        Assert.Equal([new VariableChange("WARM_IP_TARGET", "5", "12", AppliesLive: true)], change.Changes);
    }

    [Fact]
    public void ANewVariableIsAppendedAndAnUnsetOneLosesEveryAssignment()
    {
        File.WriteAllText(EnvFile, "WARM_ENI_TARGET=2\n# keep\nWARM_ENI_TARGET=3\nMAX_ENI=4");

        EnvFileEditor.Apply(EnvFile, Changes(("WARM_ENI_TARGET", null), ("MINIMUM_IP_TARGET", "7")));

        Assert.Equal("# keep\nMAX_ENI=4\nMINIMUM_IP_TARGET=7\n", File.ReadAllText(EnvFile));
    }

    [Fact]
    public void TheLastOfDuplicateAssignmentsIsRewrittenAndTheShadowedOnesDropped()
    {
        File.WriteAllText(EnvFile, "warm_ip_target=1\n# note\nWARM_IP_TARGET=2\n");

        EnvFileEditor.Apply(EnvFile, Changes(("Warm_Ip_Target", "9")));

        Assert.Equal("# note\nWARM_IP_TARGET=9\n", File.ReadAllText(EnvFile));
    }

    [Fact]
    public void AContinuedAssignmentIsReplacedWholeAndCrlfFilesStayCrlf()
    {
        File.WriteAllText(EnvFile, "ADDITIONAL_ENI_TAGS={\"a\":\\\r\n\"b\"}\r\n# c\r\n");

        EnvFileEditor.Apply(EnvFile, Changes(("ADDITIONAL_ENI_TAGS", "{\"team\":\"net\"}")));

        Assert.Equal("ADDITIONAL_ENI_TAGS=\"{\\\"team\\\":\\\"net\\\"}\"\r\n# c\r\n", File.ReadAllText(EnvFile));
        Assert.Equal("{\"team\":\"net\"}", EnvFileParser.Parse(File.ReadAllText(EnvFile))["ADDITIONAL_ENI_TAGS"]);
    }

    [Theory]
    [InlineData("plain-value_1.2/3:4,5")]
    [InlineData(" leading and trailing ")]
    [InlineData("quote\" and back\\slash")]
    [InlineData("ends with backslash\\")]
    [InlineData("'single'")]
    [InlineData("# not a comment")]
    public void EveryWrittenValueReadsBackAsTheSameText(string value)
    {
        EnvFileEditor.Apply(EnvFile, Changes(("CLUSTER_NAME", value)));

        Assert.Equal(value, EnvFileParser.Parse(File.ReadAllText(EnvFile))["CLUSTER_NAME"]);
    }

    [Fact]
    public void AMissingFileAndDirectoryAreCreatedWithMode0644()
    {
        var path = Path.Combine(_dir, "etc", "vpc-cni", "vpc-cni.env");

        var change = EnvFileEditor.Apply(path, Changes(("WARM_IP_TARGET", "3")));

        Assert.Equal("WARM_IP_TARGET=3\n", File.ReadAllText(path));
        Assert.Equal(AtomicFileWriter.NewFileMode, File.GetUnixFileMode(path));
        Assert.Equal(path, change.EnvironmentFile);
    }

    [Fact]
    public void TheReplacedFileKeepsItsModeAndNoTemporaryFileRemains()
    {
        File.WriteAllText(EnvFile, "WARM_IP_TARGET=1\n");
        File.SetUnixFileMode(EnvFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        EnvFileEditor.Apply(EnvFile, Changes(("WARM_IP_TARGET", "2")));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(EnvFile));
        Assert.Equal([EnvFile], Directory.GetFiles(_dir));
    }

    [RootFact]
    public void TheReplacedFileKeepsItsOwnerAndGroup()
    {
        File.WriteAllText(EnvFile, "WARM_IP_TARGET=1\n");
        Assert.True(FileOwnership.TrySet(EnvFile, (4321, 4322)));

        EnvFileEditor.Apply(EnvFile, Changes(("WARM_IP_TARGET", "2")));

        Assert.Equal((4321u, 4322u), FileOwnership.Of(EnvFile));
    }

    [Fact]
    public void ASymbolicLinkStaysALinkAndItsTargetIsEdited()
    {
        var target = Path.Combine(_dir, "real.env");
        File.WriteAllText(target, "WARM_IP_TARGET=1\n");
        File.CreateSymbolicLink(EnvFile, target);

        EnvFileEditor.Apply(EnvFile, Changes(("WARM_IP_TARGET", "4")));

        Assert.NotNull(new FileInfo(EnvFile).LinkTarget);
        Assert.Equal("WARM_IP_TARGET=4\n", File.ReadAllText(target));
    }

    [Fact]
    public void PreviewReportsTheChangeWithoutTouchingTheFile()
    {
        File.WriteAllText(EnvFile, "WARM_IP_TARGET=1\n");

        var change = EnvFileEditor.Preview(EnvFile, Changes(("WARM_IP_TARGET", "6"), ("ENABLE_PREFIX_DELEGATION", "true")));

        Assert.Equal("WARM_IP_TARGET=1\n", File.ReadAllText(EnvFile));
        Assert.False(change.Written);
        Assert.Equal(["WARM_IP_TARGET"], change.LiveVariables);
        Assert.Equal(["ENABLE_PREFIX_DELEGATION"], change.RestartRequired);
        Assert.Equal(6, change.Settings.Ipam.WarmIpTarget);
    }

    [Fact]
    public void AChangeTheServiceWouldRejectIsRefusedNamingTheVariablesAndTheFileIsUnchanged()
    {
        File.WriteAllText(EnvFile, "WARM_PREFIX_TARGET=0\n");

        var error = Assert.Throws<InvalidConfigurationException>(() => EnvFileEditor.Apply(EnvFile, Changes(("ENABLE_PREFIX_DELEGATION", "true"))));

        Assert.Equal(ErrorIds.Config.InvalidConfiguration, error.ErrorId);
        Assert.Contains(error.Errors, e => e.Variable == "ENABLE_PREFIX_DELEGATION");
        Assert.Equal("WARM_PREFIX_TARGET=0\n", File.ReadAllText(EnvFile));
    }

    [Fact]
    public void AnOutOfRangeValueIsRefusedWithTheVariableInTheMessage()
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => EnvFileEditor.Apply(EnvFile, Changes(("MAX_ENI", "0"))));

        Assert.Contains("MAX_ENI", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(EnvFile));
    }

    [Fact]
    public void AnUnknownVariableIsRefusedWithTheClosestName()
    {
        var error = Assert.Throws<VpcCniException>(() => EnvFileEditor.Apply(EnvFile, Changes(("WARM_IP", "3"))));

        Assert.Equal(ErrorIds.NodeSettings.UnknownVariable, error.ErrorId);
        Assert.Contains("WARM_IP_TARGET", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AValueWithALineBreakIsRefused()
    {
        var error = Assert.Throws<VpcCniException>(() => EnvFileEditor.Apply(EnvFile, Changes(("CLUSTER_NAME", "a\nWARM_IP_TARGET=99"))));

        Assert.Equal(ErrorIds.NodeSettings.UnwritableValue, error.ErrorId);
    }

    [Fact]
    public void AFileThatCannotBeWrittenIsAnErrorWithItsId()
    {
        var blocker = Path.Combine(_dir, "not-a-directory");
        File.WriteAllText(blocker, string.Empty);

        var error = Assert.Throws<VpcCniException>(() => EnvFileEditor.Apply(Path.Combine(blocker, "vpc-cni.env"), Changes(("WARM_IP_TARGET", "3"))));

        Assert.Equal(ErrorIds.NodeSettings.FileNotWritable, error.ErrorId);
    }

    [Fact]
    public void AnIneffectiveCombinationIsAcceptedWithTheBindersNotice()
    {
        var change = EnvFileEditor.Apply(EnvFile, Changes(("WARM_IP_TARGET", "5"), ("WARM_ENI_TARGET", "2")));

        Assert.Contains(change.Notices, n => n.Contains("WARM_ENI_TARGET is ignored", StringComparison.Ordinal));
    }

    [Fact]
    public void SettingTheSameValueAgainChangesNothingAndDoesNotWrite()
    {
        File.WriteAllText(EnvFile, "WARM_IP_TARGET=5\n");

        var change = EnvFileEditor.Apply(EnvFile, Changes(("WARM_IP_TARGET", "5")));

        Assert.Empty(change.Changes);
        Assert.False(change.Written);
        Assert.Equal("no change", change.Describe());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Dictionary<string, string?> Changes(params (string Name, string? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Name, p => p.Value, StringComparer.OrdinalIgnoreCase);
}

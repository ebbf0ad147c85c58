using VpcCni.Engine.SecurityGroups;

namespace VpcCni.Engine.Tests.SecurityGroups;

/// <summary><see cref="LabelSelector"/> evaluated as Kubernetes evaluates <c>metav1.LabelSelector</c>.</summary>
public class LabelSelectorTests
{
    private static readonly Dictionary<string, string> Pod = new() { ["app"] = "database-client", ["tier"] = "backend", ["env"] = "prod" };

    public static TheoryData<string, string, string[], bool> Expressions => new()
    {
        { "tier", "In", ["backend", "db"], true },
        { "tier", "In", ["frontend"], false },
        { "missing", "In", ["x"], false },
        { "tier", "NotIn", ["frontend"], true },
        { "tier", "NotIn", ["backend"], false },
        { "missing", "NotIn", ["x"], true },
        { "env", "Exists", [], true },
        { "missing", "Exists", [], false },
        { "missing", "DoesNotExist", [], true },
        { "env", "DoesNotExist", [], false },
    };

    public static TheoryData<string, string, string[]> InvalidExpressions => new()
    {
        { "tier", "in", ["backend"] },
        { "tier", "1", ["backend"] },
        { "tier", "Equals", ["backend"] },
        { "tier", "In", [] },
        { "tier", "NotIn", [] },
        { "tier", "Exists", ["backend"] },
        { "tier", "DoesNotExist", ["x"] },
        { "bad key!", "Exists", [] },
        { "Upper.Case/app", "Exists", [] },
        { "", "Exists", [] },
    };

    [Theory]
    [MemberData(nameof(Expressions))]
    public void AnExpressionSelectsAsItsOperatorSays(string key, string op, string[] values, bool expected)
    {
        var selector = new LabelSelector(new Dictionary<string, string>(), [new LabelSelectorRequirement(key, op, values)]);

        Assert.Null(selector.Problem());
        Assert.Equal(expected, selector.Matches(Pod));
    }

    [Theory]
    [MemberData(nameof(InvalidExpressions))]
    public void AnInvalidSelectorSaysWhyAndSelectsNothing(string key, string op, string[] values)
    {
        var selector = new LabelSelector(new Dictionary<string, string>(), [new LabelSelectorRequirement(key, op, values)]);

        Assert.NotNull(selector.Problem());
        Assert.False(selector.Matches(Pod));
        Assert.False(selector.Matches(new Dictionary<string, string>()));
    }

    [Fact]
    public void AnEmptySelectorSelectsEverythingEvenAnObjectWithoutLabels()
    {
        Assert.True(LabelSelector.Everything.Matches(Pod));
        Assert.True(LabelSelector.Everything.Matches(new Dictionary<string, string>()));
        Assert.Equal("<everything>", LabelSelector.Everything.ToString());
    }

    [Fact]
    public void MatchLabelsAndExpressionsAreAllRequired()
    {
        var both = new LabelSelector(new Dictionary<string, string> { ["app"] = "database-client" }, [new LabelSelectorRequirement("tier", "In", ["backend"])]);
        var labelWrong = both with { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } };
        var expressionWrong = both with { MatchExpressions = [new LabelSelectorRequirement("tier", "NotIn", ["backend"])] };

        Assert.True(both.Matches(Pod));
        Assert.False(labelWrong.Matches(Pod));
        Assert.False(expressionWrong.Matches(Pod));
    }

    [Fact]
    public void MatchLabelsCompareValuesExactly()
    {
        var selector = new LabelSelector(new Dictionary<string, string> { ["tier"] = "Backend" }, []);

        Assert.False(selector.Matches(Pod));
    }

    [Fact]
    public void ASelectorPrintsAsKubectlWritesIt()
    {
        var selector = new LabelSelector(
            new Dictionary<string, string> { ["tier"] = "backend", ["app"] = "db" },
            [new LabelSelectorRequirement("env", "NotIn", ["dev", "test"]), new LabelSelectorRequirement("legacy", "DoesNotExist", [])]);

        Assert.Equal("app=db,tier=backend,env notin (dev,test),!legacy", selector.ToString());
    }

    [Fact]
    public void APrefixedKeyIsAQualifiedName()
    {
        var selector = new LabelSelector(new Dictionary<string, string> { ["app.kubernetes.io/name"] = "x" }, []);

        Assert.Null(selector.Problem());
        Assert.True(selector.Matches(new Dictionary<string, string> { ["app.kubernetes.io/name"] = "x" }));
    }
}

using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow.Answers;
using Ikosa.Engine.Workflow.Prerequisites;
using Ikosa.Engine.Workflow.Processes;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Tests.Workflow;

/// <summary>What the test steps did, in order.</summary>
[EntityName("test.journal")]
public sealed record Journal(EntityId Id, ImmutableList<string> Entries) : Entity(Id)
{
    public static readonly EntityId Key = EntityId.Named("test.journal");

    public static IReadOnlyList<string> Of(IModelReader reader) => reader.Find<Journal>(Key)?.Entries ?? [];

    public static void Write(StepContext context, string entry)
    {
        var journal = context.Find<Journal>(Key) ?? new Journal(Key, []);
        context.Put(journal with { Entries = journal.Entries.Add(entry) });
    }
}

/// <summary>Writes its label to the journal.</summary>
[EntityName("test.step.record")]
public sealed record RecordStep(EntityId Id, string Label) : CoreStep(Id)
{
    public override void Run(StepContext context) => Journal.Write(context, Label);
}

/// <summary>Starts an interrupting process and queues a follow-on step: the interruption must run first.</summary>
[EntityName("test.step.interrupt")]
public sealed record InterruptingStep(EntityId Id) : CoreStep(Id)
{
    public override void Run(StepContext context)
    {
        Journal.Write(context, "interrupted");
        context.Follow(new RecordStep(EntityId.New(), "after"));
        context.StartProcess("interruption", null, new RecordStep(EntityId.New(), "interruption"));
        context.StartProcess("second interruption", null, new RecordStep(EntityId.New(), "second interruption"));
    }
}

/// <summary>Asks one yes/no question per fulfiller (serially if asked to) and journals the answers.</summary>
[EntityName("test.step.questions")]
public sealed record QuestionsStep(EntityId Id, ImmutableList<EntityId> Fulfillers, bool Serial, string Label) : CoreStep(Id)
{
    public override IEnumerable<StepPrerequisite> Plan(StepContext context) =>
        Fulfillers.Select((fulfiller, i) => new YesNoPrerequisite(EntityId.New())
        {
            BindKey = "q" + i,
            Fulfiller = fulfiller,
            IsSerial = Serial,
            Text = $"{Label} question {i}",
        });

    public override void Run(StepContext context) =>
        Journal.Write(context, Label + ":" + string.Join(",", context.Prerequisites<YesNoPrerequisite>().Select(p => p.Value == true ? "yes" : "no")));
}

/// <summary>One prompt of each answer-checking kind, all for the same fulfiller.</summary>
[EntityName("test.step.kinds")]
public sealed record KindsStep(EntityId Id, EntityId Fulfiller, ImmutableList<EntityId> Candidates) : CoreStep(Id)
{
    public override IEnumerable<StepPrerequisite> Plan(StepContext context) =>
    [
        new ChoicePrerequisite(EntityId.New(), [new ChoiceOption("left", "Go left"), new ChoiceOption("right", "Go right")])
            { BindKey = "choice", Fulfiller = Fulfiller, Text = "which way?" },
        new NumberPrerequisite(EntityId.New(), 1, 6) { BindKey = "number", Fulfiller = Fulfiller, Text = "how many?" },
        new SelectTargetsPrerequisite(EntityId.New(), Candidates, 1, 2) { BindKey = "targets", Fulfiller = Fulfiller, Text = "whom?" },
        new YesNoPrerequisite(EntityId.New()) { BindKey = "yes-no", Fulfiller = Fulfiller, Text = "sure?" },
    ];

    public override void Run(StepContext context) =>
        Journal.Write(context, string.Join(" ",
            context.Prerequisite<ChoicePrerequisite>("choice").Selected,
            context.Prerequisite<NumberPrerequisite>("number").Value,
            context.Prerequisite<SelectTargetsPrerequisite>("targets").Selected!.Count,
            context.Prerequisite<YesNoPrerequisite>("yes-no").Value));
}

/// <summary>A question that answers itself with its default when its time is up.</summary>
[EntityName("test.step.timed")]
public sealed record TimedQuestionStep(EntityId Id, EntityId Fulfiller, TimeSpan Timeout) : CoreStep(Id)
{
    public override IEnumerable<StepPrerequisite> Plan(StepContext context) =>
    [
        new YesNoPrerequisite(EntityId.New())
            { BindKey = "q", Fulfiller = Fulfiller, Text = "quick?", Timeout = Timeout, DefaultAnswer = new YesNoAnswer(true) },
    ];

    public override void Run(StepContext context) =>
        Journal.Write(context, "timed:" + context.Prerequisite<YesNoPrerequisite>("q").Value);
}

/// <summary>A roll for the fulfiller, journalled with its total.</summary>
[EntityName("test.step.roll")]
public sealed record RollStep(EntityId Id, EntityId Fulfiller, string Expression, bool Prompted) : CoreStep(Id)
{
    public override IEnumerable<StepPrerequisite> Plan(StepContext context) =>
    [
        new RollPrerequisite(EntityId.New())
            { BindKey = "roll", Fulfiller = Fulfiller, Expression = Expression, Prompted = Prompted, Purpose = "test roll", Text = "roll!" },
    ];

    public override void Run(StepContext context) =>
        Journal.Write(context, "rolled:" + context.Prerequisite<RollPrerequisite>("roll").Total);
}

/// <summary>Changes things, rolls, notifies, and then throws: all of it must be undone.</summary>
[EntityName("test.step.throwing")]
public sealed record ThrowingStep(EntityId Id) : CoreStep(Id)
{
    public override void Run(StepContext context)
    {
        Journal.Write(context, "half-done");
        context.Roll("1d6", "doomed roll", null);
        context.Notify("alice", new Ikosa.Engine.Workflow.Events.ProcessEnded(Id, "never", true, null));
        throw new InvalidOperationException("the rule broke");
    }
}

/// <summary>Follows itself for ever: the manager must stop it.</summary>
[EntityName("test.step.loop")]
public sealed record LoopingStep(EntityId Id) : CoreStep(Id)
{
    public override void Run(StepContext context) => context.Follow(new LoopingStep(EntityId.New()));
}

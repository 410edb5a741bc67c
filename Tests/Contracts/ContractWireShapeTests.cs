using Ikosa.Contracts;
using Ikosa.ServiceModel.Description;

namespace Ikosa.Tests.Contracts;

/// <summary>
/// What the four contracts put on the wire, operation by operation: actions, body element names and types, one-way,
/// declared faults. The C# shape of a method (sync or <c>FooAsync</c> returning a Task) must not change any of it.
/// </summary>
public class ContractWireShapeTests
{
    [Fact]
    public void Every_operation_keeps_its_actions_body_names_and_faults()
    {
        var actual = string.Join('\n', new[] { typeof(ILoginService), typeof(IGameService), typeof(IVisualizationService), typeof(IMasterService) }
            .Select(ContractDescription.GetContract)
            .SelectMany(contract => contract.Operations.Concat(contract.CallbackOperations).Select(op => Shape(contract, op))));

        Assert.Equal(Expected.ReplaceLineEndings("\n"), actual);
    }

    private static string Shape(ContractDescription contract, OperationDescription op)
    {
        var parameters = string.Join(", ", op.Parameters.Select(p => $"{p.Name}: {ContractNamingTypeName(p.Type)}"));
        var reply = op.IsOneWay ? "one-way" : $"{op.ReplyAction} -> {ContractNamingTypeName(op.ReturnType)}";
        var faults = op.Faults.Count == 0 ? "" : " faults " + string.Join(", ", op.Faults.Select(f => f.Name));
        return $"{(op.IsCallback ? "callback " : "")}{contract.Name}.{op.Name}({parameters}) {op.Action} {reply}{faults}";
    }

    private static string ContractNamingTypeName(Type type) => Nullable.GetUnderlyingType(type) is { } inner
        ? ContractNamingTypeName(inner) + "?"
        : type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(ContractNamingTypeName))}>" : type.Name;

    private const string Expected = """
        ILoginService.Login(userName: String, password: String) urn:ikosa:services:2026/ILoginService/Login urn:ikosa:services:2026/ILoginService/LoginResponse -> TicketInfo faults AccessDeniedFaultFault, InvalidArgumentFaultFault
        ILoginService.RedeemCode(userName: String, code: String, newPassword: String) urn:ikosa:services:2026/ILoginService/RedeemCode urn:ikosa:services:2026/ILoginService/RedeemCodeResponse -> TicketInfo faults AccessDeniedFaultFault, InvalidArgumentFaultFault, HostCannotSaveFaultFault
        ILoginService.Resume(ticket: String, lastSerial: Int64) urn:ikosa:services:2026/ILoginService/Resume urn:ikosa:services:2026/ILoginService/ResumeResponse -> TicketInfo faults AccessDeniedFaultFault, InvalidArgumentFaultFault
        ILoginService.Logout() urn:ikosa:services:2026/ILoginService/Logout urn:ikosa:services:2026/ILoginService/LogoutResponse -> Void faults AccessDeniedFaultFault
        ILoginService.GetUsers() urn:ikosa:services:2026/ILoginService/GetUsers urn:ikosa:services:2026/ILoginService/GetUsersResponse -> List<UserInfo> faults AccessDeniedFaultFault
        ILoginService.GetCharacters() urn:ikosa:services:2026/ILoginService/GetCharacters urn:ikosa:services:2026/ILoginService/GetCharactersResponse -> List<CharacterInfo> faults AccessDeniedFaultFault
        ILoginService.SelectCharacters(take: List<Guid>, release: List<Guid>) urn:ikosa:services:2026/ILoginService/SelectCharacters urn:ikosa:services:2026/ILoginService/SelectCharactersResponse -> List<CharacterInfo> faults AccessDeniedFaultFault, InvalidArgumentFaultFault, InvalidStateFaultFault, HostCannotSaveFaultFault
        ILoginService.SendChat(chat: ChatInfo) urn:ikosa:services:2026/ILoginService/SendChat urn:ikosa:services:2026/ILoginService/SendChatResponse -> Void faults AccessDeniedFaultFault, InvalidArgumentFaultFault, HostCannotSaveFaultFault
        ILoginService.GetSerial() urn:ikosa:services:2026/ILoginService/GetSerial urn:ikosa:services:2026/ILoginService/GetSerialResponse -> Int64
        callback ILoginService.OnBatch(batch: BatchInfo) urn:ikosa:services:2026/ILoginService/OnBatch one-way
        callback ILoginService.OnSessionEnded(reason: String) urn:ikosa:services:2026/ILoginService/OnSessionEnded one-way
        IGameService.Bind(ticket: String) urn:ikosa:services:2026/IGameService/Bind urn:ikosa:services:2026/IGameService/BindResponse -> Void faults AccessDeniedFaultFault, InvalidArgumentFaultFault
        IGameService.GetActions(creature: Guid) urn:ikosa:services:2026/IGameService/GetActions urn:ikosa:services:2026/IGameService/GetActionsResponse -> List<ActionInfo> faults AccessDeniedFaultFault, InvalidArgumentFaultFault
        IGameService.DoAction(activity: ActivityInfo) urn:ikosa:services:2026/IGameService/DoAction urn:ikosa:services:2026/IGameService/DoActionResponse -> ResultInfo faults AccessDeniedFaultFault, InvalidArgumentFaultFault, InvalidStateFaultFault, HostCannotSaveFaultFault
        IGameService.GetPrerequisites(creature: Guid?) urn:ikosa:services:2026/IGameService/GetPrerequisites urn:ikosa:services:2026/IGameService/GetPrerequisitesResponse -> List<PrerequisiteInfo> faults AccessDeniedFaultFault, InvalidArgumentFaultFault
        IGameService.SetPrerequisites(answers: List<AnswerInfo>) urn:ikosa:services:2026/IGameService/SetPrerequisites urn:ikosa:services:2026/IGameService/SetPrerequisitesResponse -> List<AnswerResultInfo> faults AccessDeniedFaultFault, InvalidArgumentFaultFault, InvalidStateFaultFault, HostCannotSaveFaultFault
        IGameService.EndTurn(creature: Guid) urn:ikosa:services:2026/IGameService/EndTurn urn:ikosa:services:2026/IGameService/EndTurnResponse -> ResultInfo faults AccessDeniedFaultFault, InvalidArgumentFaultFault, InvalidStateFaultFault, HostCannotSaveFaultFault
        IGameService.GetTurnTracker() urn:ikosa:services:2026/IGameService/GetTurnTracker urn:ikosa:services:2026/IGameService/GetTurnTrackerResponse -> TurnTrackerInfo faults AccessDeniedFaultFault
        IGameService.GetCreature(creature: Guid) urn:ikosa:services:2026/IGameService/GetCreature urn:ikosa:services:2026/IGameService/GetCreatureResponse -> CreatureInfo faults AccessDeniedFaultFault, InvalidArgumentFaultFault
        IGameService.GetDiceLog(count: Int32) urn:ikosa:services:2026/IGameService/GetDiceLog urn:ikosa:services:2026/IGameService/GetDiceLogResponse -> List<DiceRollInfo> faults AccessDeniedFaultFault, InvalidArgumentFaultFault
        IGameService.GetSerial() urn:ikosa:services:2026/IGameService/GetSerial urn:ikosa:services:2026/IGameService/GetSerialResponse -> Int64
        callback IGameService.OnSessionEnded(reason: String) urn:ikosa:services:2026/IGameService/OnSessionEnded one-way
        IVisualizationService.Bind(ticket: String) urn:ikosa:services:2026/IVisualizationService/Bind urn:ikosa:services:2026/IVisualizationService/BindResponse -> Void faults AccessDeniedFaultFault, InvalidArgumentFaultFault
        IVisualizationService.GetView(creature: Guid) urn:ikosa:services:2026/IVisualizationService/GetView urn:ikosa:services:2026/IVisualizationService/GetViewResponse -> ViewInfo faults AccessDeniedFaultFault, InvalidArgumentFaultFault
        IVisualizationService.GetViewUpdate(creature: Guid, knownCells: Int64) urn:ikosa:services:2026/IVisualizationService/GetViewUpdate urn:ikosa:services:2026/IVisualizationService/GetViewUpdateResponse -> ViewInfo faults AccessDeniedFaultFault, InvalidArgumentFaultFault
        IVisualizationService.GetMasterView() urn:ikosa:services:2026/IVisualizationService/GetMasterView urn:ikosa:services:2026/IVisualizationService/GetMasterViewResponse -> ViewInfo faults AccessDeniedFaultFault
        IVisualizationService.GetMasterViewUpdate(scene: Guid?, knownCells: Int64, knownTokens: Int64) urn:ikosa:services:2026/IVisualizationService/GetMasterViewUpdate urn:ikosa:services:2026/IVisualizationService/GetMasterViewUpdateResponse -> ViewInfo faults AccessDeniedFaultFault, InvalidArgumentFaultFault
        IVisualizationService.GetImage(name: String) urn:ikosa:services:2026/IVisualizationService/GetImage urn:ikosa:services:2026/IVisualizationService/GetImageResponse -> ImageInfo faults AccessDeniedFaultFault, InvalidArgumentFaultFault
        callback IVisualizationService.OnSessionEnded(reason: String) urn:ikosa:services:2026/IVisualizationService/OnSessionEnded one-way
        IMasterService.Bind(ticket: String) urn:ikosa:services:2026/IMasterService/Bind urn:ikosa:services:2026/IMasterService/BindResponse -> Void faults AccessDeniedFaultFault, InvalidArgumentFaultFault
        IMasterService.SetPaused(paused: Boolean) urn:ikosa:services:2026/IMasterService/SetPaused urn:ikosa:services:2026/IMasterService/SetPausedResponse -> ResultInfo faults AccessDeniedFaultFault, HostCannotSaveFaultFault
        IMasterService.StartCombat(creatures: List<Guid>) urn:ikosa:services:2026/IMasterService/StartCombat urn:ikosa:services:2026/IMasterService/StartCombatResponse -> ResultInfo faults AccessDeniedFaultFault, InvalidArgumentFaultFault, HostCannotSaveFaultFault
        IMasterService.StopCombat() urn:ikosa:services:2026/IMasterService/StopCombat urn:ikosa:services:2026/IMasterService/StopCombatResponse -> ResultInfo faults AccessDeniedFaultFault, HostCannotSaveFaultFault
        IMasterService.AddCombatants(creatures: List<Guid>) urn:ikosa:services:2026/IMasterService/AddCombatants urn:ikosa:services:2026/IMasterService/AddCombatantsResponse -> ResultInfo faults AccessDeniedFaultFault, InvalidArgumentFaultFault, HostCannotSaveFaultFault
        IMasterService.DropCombatants(creatures: List<Guid>) urn:ikosa:services:2026/IMasterService/DropCombatants urn:ikosa:services:2026/IMasterService/DropCombatantsResponse -> ResultInfo faults AccessDeniedFaultFault, InvalidArgumentFaultFault, HostCannotSaveFaultFault
        IMasterService.AnswerPrerequisites(answers: List<AnswerInfo>) urn:ikosa:services:2026/IMasterService/AnswerPrerequisites urn:ikosa:services:2026/IMasterService/AnswerPrerequisitesResponse -> List<AnswerResultInfo> faults AccessDeniedFaultFault, InvalidArgumentFaultFault, HostCannotSaveFaultFault
        IMasterService.EditCreature(edit: CreatureEditInfo) urn:ikosa:services:2026/IMasterService/EditCreature urn:ikosa:services:2026/IMasterService/EditCreatureResponse -> CreatureInfo faults AccessDeniedFaultFault, InvalidArgumentFaultFault, InvalidStateFaultFault, HostCannotSaveFaultFault
        IMasterService.AllowPhysicalDice(user: String, allowed: Boolean) urn:ikosa:services:2026/IMasterService/AllowPhysicalDice urn:ikosa:services:2026/IMasterService/AllowPhysicalDiceResponse -> ResultInfo faults AccessDeniedFaultFault, InvalidArgumentFaultFault, HostCannotSaveFaultFault
        IMasterService.KickUser(user: String) urn:ikosa:services:2026/IMasterService/KickUser urn:ikosa:services:2026/IMasterService/KickUserResponse -> ResultInfo faults AccessDeniedFaultFault, InvalidArgumentFaultFault
        IMasterService.DisableUser(user: String, disabled: Boolean) urn:ikosa:services:2026/IMasterService/DisableUser urn:ikosa:services:2026/IMasterService/DisableUserResponse -> ResultInfo faults AccessDeniedFaultFault, InvalidArgumentFaultFault, HostCannotSaveFaultFault
        IMasterService.SaveSnapshot(name: String) urn:ikosa:services:2026/IMasterService/SaveSnapshot urn:ikosa:services:2026/IMasterService/SaveSnapshotResponse -> ResultInfo faults AccessDeniedFaultFault, InvalidArgumentFaultFault, HostCannotSaveFaultFault
        IMasterService.GetHostStatus() urn:ikosa:services:2026/IMasterService/GetHostStatus urn:ikosa:services:2026/IMasterService/GetHostStatusResponse -> HostStatusInfo faults AccessDeniedFaultFault
        IMasterService.CreatePlayer(user: String) urn:ikosa:services:2026/IMasterService/CreatePlayer urn:ikosa:services:2026/IMasterService/CreatePlayerResponse -> OneTimeCodeInfo faults AccessDeniedFaultFault, InvalidArgumentFaultFault, HostCannotSaveFaultFault
        IMasterService.ResetPassword(user: String) urn:ikosa:services:2026/IMasterService/ResetPassword urn:ikosa:services:2026/IMasterService/ResetPasswordResponse -> OneTimeCodeInfo faults AccessDeniedFaultFault, InvalidArgumentFaultFault, HostCannotSaveFaultFault
        IMasterService.GetInvite(user: String) urn:ikosa:services:2026/IMasterService/GetInvite urn:ikosa:services:2026/IMasterService/GetInviteResponse -> InviteInfo faults AccessDeniedFaultFault, InvalidArgumentFaultFault
        IMasterService.GetScenes() urn:ikosa:services:2026/IMasterService/GetScenes urn:ikosa:services:2026/IMasterService/GetScenesResponse -> List<SceneInfo> faults AccessDeniedFaultFault
        IMasterService.GetBestiary() urn:ikosa:services:2026/IMasterService/GetBestiary urn:ikosa:services:2026/IMasterService/GetBestiaryResponse -> List<MonsterInfo> faults AccessDeniedFaultFault
        IMasterService.PlaceCreature(placement: PlacementInfo) urn:ikosa:services:2026/IMasterService/PlaceCreature urn:ikosa:services:2026/IMasterService/PlaceCreatureResponse -> CreatureInfo faults AccessDeniedFaultFault, InvalidArgumentFaultFault, HostCannotSaveFaultFault
        IMasterService.RemoveCreature(creature: Guid) urn:ikosa:services:2026/IMasterService/RemoveCreature urn:ikosa:services:2026/IMasterService/RemoveCreatureResponse -> ResultInfo faults AccessDeniedFaultFault, InvalidArgumentFaultFault, HostCannotSaveFaultFault
        IMasterService.MoveCreature(creature: Guid, scene: Guid?, x: Int32, y: Int32) urn:ikosa:services:2026/IMasterService/MoveCreature urn:ikosa:services:2026/IMasterService/MoveCreatureResponse -> ResultInfo faults AccessDeniedFaultFault, InvalidArgumentFaultFault, HostCannotSaveFaultFault
        IMasterService.EditMap(scene: Guid?, cells: List<CellEditInfo>) urn:ikosa:services:2026/IMasterService/EditMap urn:ikosa:services:2026/IMasterService/EditMapResponse -> ResultInfo faults AccessDeniedFaultFault, InvalidArgumentFaultFault, HostCannotSaveFaultFault
        IMasterService.SetPlayers(creature: Guid, users: List<String>) urn:ikosa:services:2026/IMasterService/SetPlayers urn:ikosa:services:2026/IMasterService/SetPlayersResponse -> ResultInfo faults AccessDeniedFaultFault, InvalidArgumentFaultFault, HostCannotSaveFaultFault
        IMasterService.RequestCheck(check: CheckRequestInfo) urn:ikosa:services:2026/IMasterService/RequestCheck urn:ikosa:services:2026/IMasterService/RequestCheckResponse -> ResultInfo faults AccessDeniedFaultFault, InvalidArgumentFaultFault, HostCannotSaveFaultFault
        IMasterService.RollDice(expression: String, purpose: String, mastersOnly: Boolean) urn:ikosa:services:2026/IMasterService/RollDice urn:ikosa:services:2026/IMasterService/RollDiceResponse -> DiceRollInfo faults AccessDeniedFaultFault, InvalidArgumentFaultFault, HostCannotSaveFaultFault
        callback IMasterService.OnSessionEnded(reason: String) urn:ikosa:services:2026/IMasterService/OnSessionEnded one-way
        """;
}

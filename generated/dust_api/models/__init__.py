"""Contains all the data models used in inputs/outputs.

Models are imported lazily, on first access: importing one endpoint module loads only the models it uses,
not all of them (this package is large, and `import dust_ext` should stay fast).
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .action_display_labels import ActionDisplayLabels
    from .action_generated_file import ActionGeneratedFile
    from .agent_action import AgentAction
    from .agent_action_output_type_0_item import AgentActionOutputType0Item
    from .agent_action_params import AgentActionParams
    from .agent_configuration import AgentConfiguration
    from .agent_configuration_actions_item import AgentConfigurationActionsItem
    from .agent_feedbacks import AgentFeedbacks
    from .agent_import import AgentImport
    from .agent_import_agent import AgentImportAgent
    from .agent_import_generation_settings import AgentImportGenerationSettings
    from .agent_import_tags_item import AgentImportTagsItem
    from .agent_import_toolset_item import AgentImportToolsetItem
    from .agent_message import AgentMessage
    from .agent_message_error import AgentMessageError
    from .agent_message_error_metadata_type_0 import AgentMessageErrorMetadataType0
    from .agent_message_feedback import AgentMessageFeedback
    from .agent_message_raw_content import AgentMessageRawContent
    from .agent_model_configuration import AgentModelConfiguration
    from .agent_tag import AgentTag
    from .agent_usage import AgentUsage
    from .agentic_message_data import AgenticMessageData
    from .answer_user_question_body import AnswerUserQuestionBody
    from .answer_user_question_body_answer import AnswerUserQuestionBodyAnswer
    from .api_error import APIError
    from .api_error_detail import APIErrorDetail
    from .api_error_detail_app_error import APIErrorDetailAppError
    from .api_error_detail_connectors_error import APIErrorDetailConnectorsError
    from .api_error_detail_data_source_error import APIErrorDetailDataSourceError
    from .api_error_detail_run_error import APIErrorDetailRunError
    from .app import App
    from .app_core_specifications import AppCoreSpecifications
    from .app_datasets_item import AppDatasetsItem
    from .app_deployment import AppDeployment
    from .app_run_block_content import AppRunBlockContent
    from .app_run_block_execution_content import AppRunBlockExecutionContent
    from .app_run_block_execution_content_execution_item_item import (
        AppRunBlockExecutionContentExecutionItemItem,
    )
    from .app_run_block_execution_event import AppRunBlockExecutionEvent
    from .app_run_block_map import AppRunBlockMap
    from .app_run_block_status_content import AppRunBlockStatusContent
    from .app_run_block_status_event import AppRunBlockStatusEvent
    from .app_run_error_content import AppRunErrorContent
    from .app_run_error_event import AppRunErrorEvent
    from .app_run_final_event import AppRunFinalEvent
    from .app_run_function_call import AppRunFunctionCall
    from .app_run_function_call_arguments_tokens_event import (
        AppRunFunctionCallArgumentsTokensEvent,
    )
    from .app_run_function_call_content import AppRunFunctionCallContent
    from .app_run_function_call_event import AppRunFunctionCallEvent
    from .app_run_reasoning_item_content import AppRunReasoningItemContent
    from .app_run_reasoning_item_event import AppRunReasoningItemEvent
    from .app_run_reasoning_tokens_event import AppRunReasoningTokensEvent
    from .app_run_status_content import AppRunStatusContent
    from .app_run_status_event import AppRunStatusEvent
    from .app_run_tokens import AppRunTokens
    from .app_run_tokens_content import AppRunTokensContent
    from .app_run_tokens_event import AppRunTokensEvent
    from .blocked_action import BlockedAction
    from .blocked_action_inputs import BlockedActionInputs
    from .cancel_message_generation_body import CancelMessageGenerationBody
    from .check_apps_body import CheckAppsBody
    from .check_apps_body_apps_item import CheckAppsBodyAppsItem
    from .check_apps_response_200 import CheckAppsResponse200
    from .check_upsert_queue_response_200 import CheckUpsertQueueResponse200
    from .check_workspace_exists_response_200 import CheckWorkspaceExistsResponse200
    from .consumption_agent_details import ConsumptionAgentDetails
    from .consumption_model_details import ConsumptionModelDetails
    from .consumption_tool_details import ConsumptionToolDetails
    from .content_fragment import ContentFragment
    from .content_fragment_context import ContentFragmentContext
    from .content_fragment_input import ContentFragmentInput
    from .content_node import ContentNode
    from .content_node_data import ContentNodeData
    from .conversation import Conversation
    from .conversation_consumption import ConversationConsumption
    from .conversation_consumption_details import ConversationConsumptionDetails
    from .conversation_without_content import ConversationWithoutContent
    from .create_app_run_body import CreateAppRunBody
    from .create_app_run_body_config import CreateAppRunBodyConfig
    from .create_app_run_body_config_model import CreateAppRunBodyConfigModel
    from .create_app_run_body_inputs_item import CreateAppRunBodyInputsItem
    from .create_app_run_response_200 import CreateAppRunResponse200
    from .create_app_run_use_workspace_credentials import (
        CreateAppRunUseWorkspaceCredentials,
    )
    from .create_content_fragment_response_200 import CreateContentFragmentResponse200
    from .create_conversation_body import CreateConversationBody
    from .create_conversation_body_visibility import CreateConversationBodyVisibility
    from .create_conversation_response_200 import CreateConversationResponse200
    from .create_file_upload_body import CreateFileUploadBody
    from .create_file_upload_body_use_case import CreateFileUploadBodyUseCase
    from .create_file_upload_body_use_case_metadata import (
        CreateFileUploadBodyUseCaseMetadata,
    )
    from .create_file_upload_response_200 import CreateFileUploadResponse200
    from .create_message_response_200 import CreateMessageResponse200
    from .data_source import DataSource
    from .data_source_view import DataSourceView
    from .delete_document_response_200 import DeleteDocumentResponse200
    from .delete_document_response_200_document import DeleteDocumentResponse200Document
    from .delete_folder_in_global_space_response_200 import (
        DeleteFolderInGlobalSpaceResponse200,
    )
    from .delete_folder_in_global_space_response_200_folder import (
        DeleteFolderInGlobalSpaceResponse200Folder,
    )
    from .delete_folder_response_200 import DeleteFolderResponse200
    from .delete_folder_response_200_folder import DeleteFolderResponse200Folder
    from .deregister_mcp_server_body import DeregisterMcpServerBody
    from .document import Document
    from .document_chunk import DocumentChunk
    from .document_page import DocumentPage
    from .edit_message_body import EditMessageBody
    from .edit_message_response_200 import EditMessageResponse200
    from .edited_by_user import EditedByUser
    from .export_apps_response_200 import ExportAppsResponse200
    from .file import File
    from .file_use_case_metadata_type_0 import FileUseCaseMetadataType0
    from .folder import Folder
    from .folder_page import FolderPage
    from .get_agent_configuration_response_200 import GetAgentConfigurationResponse200
    from .get_agent_configuration_variant import GetAgentConfigurationVariant
    from .get_app_run_response_200 import GetAppRunResponse200
    from .get_conversation_mention_suggestions_response_200 import (
        GetConversationMentionSuggestionsResponse200,
    )
    from .get_conversation_mention_suggestions_select_item import (
        GetConversationMentionSuggestionsSelectItem,
    )
    from .get_conversation_response_200 import GetConversationResponse200
    from .get_data_source_view_response_200 import GetDataSourceViewResponse200
    from .get_document_response_200 import GetDocumentResponse200
    from .get_feature_flags_response_200 import GetFeatureFlagsResponse200
    from .get_file_action import GetFileAction
    from .get_file_version import GetFileVersion
    from .get_me_response_200 import GetMeResponse200
    from .get_mention_suggestions_response_200 import GetMentionSuggestionsResponse200
    from .get_mention_suggestions_select_item import GetMentionSuggestionsSelectItem
    from .get_project_metadata_response_200 import GetProjectMetadataResponse200
    from .get_project_metadata_response_200_metadata_type_0 import (
        GetProjectMetadataResponse200MetadataType0,
    )
    from .get_table_response_200 import GetTableResponse200
    from .get_table_row_response_200 import GetTableRowResponse200
    from .get_workspace_usage_format import GetWorkspaceUsageFormat
    from .get_workspace_usage_mode import GetWorkspaceUsageMode
    from .get_workspace_usage_table import GetWorkspaceUsageTable
    from .heartbeat_mcp_server_body import HeartbeatMcpServerBody
    from .import_agent_configuration_response_200 import (
        ImportAgentConfigurationResponse200,
    )
    from .light_document import LightDocument
    from .list_agent_configurations_view import ListAgentConfigurationsView
    from .list_agent_configurations_with_authors import (
        ListAgentConfigurationsWithAuthors,
    )
    from .list_agents_response import ListAgentsResponse
    from .list_apps_response_200 import ListAppsResponse200
    from .list_blocked_actions_response_200 import ListBlockedActionsResponse200
    from .list_conversation_feedbacks_response_200 import (
        ListConversationFeedbacksResponse200,
    )
    from .list_conversations_response_200 import ListConversationsResponse200
    from .list_data_source_views_response_200 import ListDataSourceViewsResponse200
    from .list_data_sources_response_200 import ListDataSourcesResponse200
    from .list_mcp_server_views_response_200 import ListMcpServerViewsResponse200
    from .list_member_emails_response_200 import ListMemberEmailsResponse200
    from .list_members_response_200 import ListMembersResponse200
    from .list_project_files_response_200 import ListProjectFilesResponse200
    from .list_skills_response_200 import ListSkillsResponse200
    from .list_space_conversation_ids_response_200 import (
        ListSpaceConversationIdsResponse200,
    )
    from .list_space_conversations_response_200 import ListSpaceConversationsResponse200
    from .list_space_conversations_response_200_conversations_item import (
        ListSpaceConversationsResponse200ConversationsItem,
    )
    from .list_spaces_response_200 import ListSpacesResponse200
    from .list_tables_response_200 import ListTablesResponse200
    from .list_triggers_kind import ListTriggersKind
    from .list_triggers_response_200 import ListTriggersResponse200
    from .list_triggers_status import ListTriggersStatus
    from .list_verified_domains_response_200 import ListVerifiedDomainsResponse200
    from .list_workspace_data_sources_response_200 import (
        ListWorkspaceDataSourcesResponse200,
    )
    from .mcp_heartbeat import MCPHeartbeat
    from .mcp_registration import MCPRegistration
    from .mcp_server_view import MCPServerView
    from .mcp_server_view_server import MCPServerViewServer
    from .me_user import MeUser
    from .me_user_organizations_item import MeUserOrganizationsItem
    from .me_workspace import MeWorkspace
    from .mention import Mention
    from .model_selection import ModelSelection
    from .node_search_event import NodeSearchEvent
    from .node_search_event_tool_results_item import NodeSearchEventToolResultsItem
    from .node_search_page import NodeSearchPage
    from .parse_mentions_body import ParseMentionsBody
    from .parse_mentions_response_200 import ParseMentionsResponse200
    from .post_mcp_results_body import PostMcpResultsBody
    from .post_mcp_results_body_result import PostMcpResultsBodyResult
    from .project_file import ProjectFile
    from .register_mcp_server_body import RegisterMcpServerBody
    from .retry_agent_message_response_200 import RetryAgentMessageResponse200
    from .rich_mention import RichMention
    from .run import Run
    from .run_config import RunConfig
    from .run_results_type_0_item_item import RunResultsType0ItemItem
    from .run_status import RunStatus
    from .run_status_blocks_item import RunStatusBlocksItem
    from .search_agent_configurations_response_200 import (
        SearchAgentConfigurationsResponse200,
    )
    from .search_data_source_response_200 import SearchDataSourceResponse200
    from .search_data_source_view_response_200 import SearchDataSourceViewResponse200
    from .search_data_source_views_response_200 import SearchDataSourceViewsResponse200
    from .search_nodes_body import SearchNodesBody
    from .search_nodes_body_view_type import SearchNodesBodyViewType
    from .search_result_document import SearchResultDocument
    from .section import Section
    from .send_webhook_trigger_body import SendWebhookTriggerBody
    from .skill import Skill
    from .skipped_action import SkippedAction
    from .space import Space
    from .stream_search_nodes_view_type import StreamSearchNodesViewType
    from .submit_message_feedback_body import SubmitMessageFeedbackBody
    from .submit_message_feedback_body_thumb_direction import (
        SubmitMessageFeedbackBodyThumbDirection,
    )
    from .success_response import SuccessResponse
    from .table import Table
    from .table_column import TableColumn
    from .table_row import TableRow
    from .table_row_page import TableRowPage
    from .table_row_value import TableRowValue
    from .tokenize_text_body import TokenizeTextBody
    from .tokenize_text_in_global_space_body import TokenizeTextInGlobalSpaceBody
    from .tokenize_text_in_global_space_response_200 import (
        TokenizeTextInGlobalSpaceResponse200,
    )
    from .tokenize_text_response_200 import TokenizeTextResponse200
    from .tool_metadata import ToolMetadata
    from .tool_question import ToolQuestion
    from .tool_question_option import ToolQuestionOption
    from .trigger import Trigger
    from .trigger_configuration import TriggerConfiguration
    from .trigger_webhook_source import TriggerWebhookSource
    from .unknown_message import UnknownMessage
    from .update_agent_configuration_body import UpdateAgentConfigurationBody
    from .update_agent_configuration_response_200 import (
        UpdateAgentConfigurationResponse200,
    )
    from .update_agent_configuration_response_200_skipped_actions_item import (
        UpdateAgentConfigurationResponse200SkippedActionsItem,
    )
    from .update_conversation_body import UpdateConversationBody
    from .update_conversation_tools_body import UpdateConversationToolsBody
    from .update_conversation_tools_body_action import UpdateConversationToolsBodyAction
    from .update_data_source_view_body import UpdateDataSourceViewBody
    from .update_data_source_view_response_200 import UpdateDataSourceViewResponse200
    from .update_document_parents_body import UpdateDocumentParentsBody
    from .update_document_parents_response_200 import UpdateDocumentParentsResponse200
    from .upload_tool_file_body import UploadToolFileBody
    from .upload_tool_file_response_200 import UploadToolFileResponse200
    from .upsert_document_body import UpsertDocumentBody
    from .upsert_document_body_upsert_context import UpsertDocumentBodyUpsertContext
    from .upsert_folder_body import UpsertFolderBody
    from .upsert_folder_in_global_space_body import UpsertFolderInGlobalSpaceBody
    from .upsert_folder_in_global_space_response_200 import (
        UpsertFolderInGlobalSpaceResponse200,
    )
    from .upsert_folder_in_global_space_response_200_folder import (
        UpsertFolderInGlobalSpaceResponse200Folder,
    )
    from .upsert_folder_response_200 import UpsertFolderResponse200
    from .upsert_folder_response_200_folder import UpsertFolderResponse200Folder
    from .upsert_table_body import UpsertTableBody
    from .upsert_table_from_csv_body import UpsertTableFromCsvBody
    from .upsert_table_from_csv_response_200 import UpsertTableFromCsvResponse200
    from .upsert_table_response_200 import UpsertTableResponse200
    from .upsert_table_rows_body import UpsertTableRowsBody
    from .upsert_table_rows_response_200 import UpsertTableRowsResponse200
    from .upsert_table_rows_response_200_table import UpsertTableRowsResponse200Table
    from .upserted_document import UpsertedDocument
    from .user import User
    from .user_message import UserMessage
    from .user_message_context import UserMessageContext
    from .user_message_input import UserMessageInput
    from .validate_action_body import ValidateActionBody
    from .validate_action_body_approved import ValidateActionBodyApproved
    from .validate_member_body import ValidateMemberBody
    from .validate_member_response_200 import ValidateMemberResponse200
    from .verified_domain import VerifiedDomain
    from .workspace import Workspace
    from .workspace_member import WorkspaceMember

_MODEL_MODULES = {
    "ActionDisplayLabels": ".action_display_labels",
    "ActionGeneratedFile": ".action_generated_file",
    "AgentAction": ".agent_action",
    "AgentActionOutputType0Item": ".agent_action_output_type_0_item",
    "AgentActionParams": ".agent_action_params",
    "AgentConfiguration": ".agent_configuration",
    "AgentConfigurationActionsItem": ".agent_configuration_actions_item",
    "AgentFeedbacks": ".agent_feedbacks",
    "AgentImport": ".agent_import",
    "AgentImportAgent": ".agent_import_agent",
    "AgentImportGenerationSettings": ".agent_import_generation_settings",
    "AgentImportTagsItem": ".agent_import_tags_item",
    "AgentImportToolsetItem": ".agent_import_toolset_item",
    "AgentMessage": ".agent_message",
    "AgentMessageError": ".agent_message_error",
    "AgentMessageErrorMetadataType0": ".agent_message_error_metadata_type_0",
    "AgentMessageFeedback": ".agent_message_feedback",
    "AgentMessageRawContent": ".agent_message_raw_content",
    "AgentModelConfiguration": ".agent_model_configuration",
    "AgentTag": ".agent_tag",
    "AgentUsage": ".agent_usage",
    "AgenticMessageData": ".agentic_message_data",
    "AnswerUserQuestionBody": ".answer_user_question_body",
    "AnswerUserQuestionBodyAnswer": ".answer_user_question_body_answer",
    "APIError": ".api_error",
    "APIErrorDetail": ".api_error_detail",
    "APIErrorDetailAppError": ".api_error_detail_app_error",
    "APIErrorDetailConnectorsError": ".api_error_detail_connectors_error",
    "APIErrorDetailDataSourceError": ".api_error_detail_data_source_error",
    "APIErrorDetailRunError": ".api_error_detail_run_error",
    "App": ".app",
    "AppCoreSpecifications": ".app_core_specifications",
    "AppDatasetsItem": ".app_datasets_item",
    "AppDeployment": ".app_deployment",
    "AppRunBlockContent": ".app_run_block_content",
    "AppRunBlockExecutionContent": ".app_run_block_execution_content",
    "AppRunBlockExecutionContentExecutionItemItem": ".app_run_block_execution_content_execution_item_item",
    "AppRunBlockExecutionEvent": ".app_run_block_execution_event",
    "AppRunBlockMap": ".app_run_block_map",
    "AppRunBlockStatusContent": ".app_run_block_status_content",
    "AppRunBlockStatusEvent": ".app_run_block_status_event",
    "AppRunErrorContent": ".app_run_error_content",
    "AppRunErrorEvent": ".app_run_error_event",
    "AppRunFinalEvent": ".app_run_final_event",
    "AppRunFunctionCall": ".app_run_function_call",
    "AppRunFunctionCallArgumentsTokensEvent": ".app_run_function_call_arguments_tokens_event",
    "AppRunFunctionCallContent": ".app_run_function_call_content",
    "AppRunFunctionCallEvent": ".app_run_function_call_event",
    "AppRunReasoningItemContent": ".app_run_reasoning_item_content",
    "AppRunReasoningItemEvent": ".app_run_reasoning_item_event",
    "AppRunReasoningTokensEvent": ".app_run_reasoning_tokens_event",
    "AppRunStatusContent": ".app_run_status_content",
    "AppRunStatusEvent": ".app_run_status_event",
    "AppRunTokens": ".app_run_tokens",
    "AppRunTokensContent": ".app_run_tokens_content",
    "AppRunTokensEvent": ".app_run_tokens_event",
    "BlockedAction": ".blocked_action",
    "BlockedActionInputs": ".blocked_action_inputs",
    "CancelMessageGenerationBody": ".cancel_message_generation_body",
    "CheckAppsBody": ".check_apps_body",
    "CheckAppsBodyAppsItem": ".check_apps_body_apps_item",
    "CheckAppsResponse200": ".check_apps_response_200",
    "CheckUpsertQueueResponse200": ".check_upsert_queue_response_200",
    "CheckWorkspaceExistsResponse200": ".check_workspace_exists_response_200",
    "ConsumptionAgentDetails": ".consumption_agent_details",
    "ConsumptionModelDetails": ".consumption_model_details",
    "ConsumptionToolDetails": ".consumption_tool_details",
    "ContentFragment": ".content_fragment",
    "ContentFragmentContext": ".content_fragment_context",
    "ContentFragmentInput": ".content_fragment_input",
    "ContentNode": ".content_node",
    "ContentNodeData": ".content_node_data",
    "Conversation": ".conversation",
    "ConversationConsumption": ".conversation_consumption",
    "ConversationConsumptionDetails": ".conversation_consumption_details",
    "ConversationWithoutContent": ".conversation_without_content",
    "CreateAppRunBody": ".create_app_run_body",
    "CreateAppRunBodyConfig": ".create_app_run_body_config",
    "CreateAppRunBodyConfigModel": ".create_app_run_body_config_model",
    "CreateAppRunBodyInputsItem": ".create_app_run_body_inputs_item",
    "CreateAppRunResponse200": ".create_app_run_response_200",
    "CreateAppRunUseWorkspaceCredentials": ".create_app_run_use_workspace_credentials",
    "CreateContentFragmentResponse200": ".create_content_fragment_response_200",
    "CreateConversationBody": ".create_conversation_body",
    "CreateConversationBodyVisibility": ".create_conversation_body_visibility",
    "CreateConversationResponse200": ".create_conversation_response_200",
    "CreateFileUploadBody": ".create_file_upload_body",
    "CreateFileUploadBodyUseCase": ".create_file_upload_body_use_case",
    "CreateFileUploadBodyUseCaseMetadata": ".create_file_upload_body_use_case_metadata",
    "CreateFileUploadResponse200": ".create_file_upload_response_200",
    "CreateMessageResponse200": ".create_message_response_200",
    "DataSource": ".data_source",
    "DataSourceView": ".data_source_view",
    "DeleteDocumentResponse200": ".delete_document_response_200",
    "DeleteDocumentResponse200Document": ".delete_document_response_200_document",
    "DeleteFolderInGlobalSpaceResponse200": ".delete_folder_in_global_space_response_200",
    "DeleteFolderInGlobalSpaceResponse200Folder": ".delete_folder_in_global_space_response_200_folder",
    "DeleteFolderResponse200": ".delete_folder_response_200",
    "DeleteFolderResponse200Folder": ".delete_folder_response_200_folder",
    "DeregisterMcpServerBody": ".deregister_mcp_server_body",
    "Document": ".document",
    "DocumentChunk": ".document_chunk",
    "DocumentPage": ".document_page",
    "EditMessageBody": ".edit_message_body",
    "EditMessageResponse200": ".edit_message_response_200",
    "EditedByUser": ".edited_by_user",
    "ExportAppsResponse200": ".export_apps_response_200",
    "File": ".file",
    "FileUseCaseMetadataType0": ".file_use_case_metadata_type_0",
    "Folder": ".folder",
    "FolderPage": ".folder_page",
    "GetAgentConfigurationResponse200": ".get_agent_configuration_response_200",
    "GetAgentConfigurationVariant": ".get_agent_configuration_variant",
    "GetAppRunResponse200": ".get_app_run_response_200",
    "GetConversationMentionSuggestionsResponse200": ".get_conversation_mention_suggestions_response_200",
    "GetConversationMentionSuggestionsSelectItem": ".get_conversation_mention_suggestions_select_item",
    "GetConversationResponse200": ".get_conversation_response_200",
    "GetDataSourceViewResponse200": ".get_data_source_view_response_200",
    "GetDocumentResponse200": ".get_document_response_200",
    "GetFeatureFlagsResponse200": ".get_feature_flags_response_200",
    "GetFileAction": ".get_file_action",
    "GetFileVersion": ".get_file_version",
    "GetMeResponse200": ".get_me_response_200",
    "GetMentionSuggestionsResponse200": ".get_mention_suggestions_response_200",
    "GetMentionSuggestionsSelectItem": ".get_mention_suggestions_select_item",
    "GetProjectMetadataResponse200": ".get_project_metadata_response_200",
    "GetProjectMetadataResponse200MetadataType0": ".get_project_metadata_response_200_metadata_type_0",
    "GetTableResponse200": ".get_table_response_200",
    "GetTableRowResponse200": ".get_table_row_response_200",
    "GetWorkspaceUsageFormat": ".get_workspace_usage_format",
    "GetWorkspaceUsageMode": ".get_workspace_usage_mode",
    "GetWorkspaceUsageTable": ".get_workspace_usage_table",
    "HeartbeatMcpServerBody": ".heartbeat_mcp_server_body",
    "ImportAgentConfigurationResponse200": ".import_agent_configuration_response_200",
    "LightDocument": ".light_document",
    "ListAgentConfigurationsView": ".list_agent_configurations_view",
    "ListAgentConfigurationsWithAuthors": ".list_agent_configurations_with_authors",
    "ListAgentsResponse": ".list_agents_response",
    "ListAppsResponse200": ".list_apps_response_200",
    "ListBlockedActionsResponse200": ".list_blocked_actions_response_200",
    "ListConversationFeedbacksResponse200": ".list_conversation_feedbacks_response_200",
    "ListConversationsResponse200": ".list_conversations_response_200",
    "ListDataSourceViewsResponse200": ".list_data_source_views_response_200",
    "ListDataSourcesResponse200": ".list_data_sources_response_200",
    "ListMcpServerViewsResponse200": ".list_mcp_server_views_response_200",
    "ListMemberEmailsResponse200": ".list_member_emails_response_200",
    "ListMembersResponse200": ".list_members_response_200",
    "ListProjectFilesResponse200": ".list_project_files_response_200",
    "ListSkillsResponse200": ".list_skills_response_200",
    "ListSpaceConversationIdsResponse200": ".list_space_conversation_ids_response_200",
    "ListSpaceConversationsResponse200": ".list_space_conversations_response_200",
    "ListSpaceConversationsResponse200ConversationsItem": ".list_space_conversations_response_200_conversations_item",
    "ListSpacesResponse200": ".list_spaces_response_200",
    "ListTablesResponse200": ".list_tables_response_200",
    "ListTriggersKind": ".list_triggers_kind",
    "ListTriggersResponse200": ".list_triggers_response_200",
    "ListTriggersStatus": ".list_triggers_status",
    "ListVerifiedDomainsResponse200": ".list_verified_domains_response_200",
    "ListWorkspaceDataSourcesResponse200": ".list_workspace_data_sources_response_200",
    "MCPHeartbeat": ".mcp_heartbeat",
    "MCPRegistration": ".mcp_registration",
    "MCPServerView": ".mcp_server_view",
    "MCPServerViewServer": ".mcp_server_view_server",
    "MeUser": ".me_user",
    "MeUserOrganizationsItem": ".me_user_organizations_item",
    "MeWorkspace": ".me_workspace",
    "Mention": ".mention",
    "ModelSelection": ".model_selection",
    "NodeSearchEvent": ".node_search_event",
    "NodeSearchEventToolResultsItem": ".node_search_event_tool_results_item",
    "NodeSearchPage": ".node_search_page",
    "ParseMentionsBody": ".parse_mentions_body",
    "ParseMentionsResponse200": ".parse_mentions_response_200",
    "PostMcpResultsBody": ".post_mcp_results_body",
    "PostMcpResultsBodyResult": ".post_mcp_results_body_result",
    "ProjectFile": ".project_file",
    "RegisterMcpServerBody": ".register_mcp_server_body",
    "RetryAgentMessageResponse200": ".retry_agent_message_response_200",
    "RichMention": ".rich_mention",
    "Run": ".run",
    "RunConfig": ".run_config",
    "RunResultsType0ItemItem": ".run_results_type_0_item_item",
    "RunStatus": ".run_status",
    "RunStatusBlocksItem": ".run_status_blocks_item",
    "SearchAgentConfigurationsResponse200": ".search_agent_configurations_response_200",
    "SearchDataSourceResponse200": ".search_data_source_response_200",
    "SearchDataSourceViewResponse200": ".search_data_source_view_response_200",
    "SearchDataSourceViewsResponse200": ".search_data_source_views_response_200",
    "SearchNodesBody": ".search_nodes_body",
    "SearchNodesBodyViewType": ".search_nodes_body_view_type",
    "SearchResultDocument": ".search_result_document",
    "Section": ".section",
    "SendWebhookTriggerBody": ".send_webhook_trigger_body",
    "Skill": ".skill",
    "SkippedAction": ".skipped_action",
    "Space": ".space",
    "StreamSearchNodesViewType": ".stream_search_nodes_view_type",
    "SubmitMessageFeedbackBody": ".submit_message_feedback_body",
    "SubmitMessageFeedbackBodyThumbDirection": ".submit_message_feedback_body_thumb_direction",
    "SuccessResponse": ".success_response",
    "Table": ".table",
    "TableColumn": ".table_column",
    "TableRow": ".table_row",
    "TableRowPage": ".table_row_page",
    "TableRowValue": ".table_row_value",
    "TokenizeTextBody": ".tokenize_text_body",
    "TokenizeTextInGlobalSpaceBody": ".tokenize_text_in_global_space_body",
    "TokenizeTextInGlobalSpaceResponse200": ".tokenize_text_in_global_space_response_200",
    "TokenizeTextResponse200": ".tokenize_text_response_200",
    "ToolMetadata": ".tool_metadata",
    "ToolQuestion": ".tool_question",
    "ToolQuestionOption": ".tool_question_option",
    "Trigger": ".trigger",
    "TriggerConfiguration": ".trigger_configuration",
    "TriggerWebhookSource": ".trigger_webhook_source",
    "UnknownMessage": ".unknown_message",
    "UpdateAgentConfigurationBody": ".update_agent_configuration_body",
    "UpdateAgentConfigurationResponse200": ".update_agent_configuration_response_200",
    "UpdateAgentConfigurationResponse200SkippedActionsItem": ".update_agent_configuration_response_200_skipped_actions_item",
    "UpdateConversationBody": ".update_conversation_body",
    "UpdateConversationToolsBody": ".update_conversation_tools_body",
    "UpdateConversationToolsBodyAction": ".update_conversation_tools_body_action",
    "UpdateDataSourceViewBody": ".update_data_source_view_body",
    "UpdateDataSourceViewResponse200": ".update_data_source_view_response_200",
    "UpdateDocumentParentsBody": ".update_document_parents_body",
    "UpdateDocumentParentsResponse200": ".update_document_parents_response_200",
    "UploadToolFileBody": ".upload_tool_file_body",
    "UploadToolFileResponse200": ".upload_tool_file_response_200",
    "UpsertDocumentBody": ".upsert_document_body",
    "UpsertDocumentBodyUpsertContext": ".upsert_document_body_upsert_context",
    "UpsertFolderBody": ".upsert_folder_body",
    "UpsertFolderInGlobalSpaceBody": ".upsert_folder_in_global_space_body",
    "UpsertFolderInGlobalSpaceResponse200": ".upsert_folder_in_global_space_response_200",
    "UpsertFolderInGlobalSpaceResponse200Folder": ".upsert_folder_in_global_space_response_200_folder",
    "UpsertFolderResponse200": ".upsert_folder_response_200",
    "UpsertFolderResponse200Folder": ".upsert_folder_response_200_folder",
    "UpsertTableBody": ".upsert_table_body",
    "UpsertTableFromCsvBody": ".upsert_table_from_csv_body",
    "UpsertTableFromCsvResponse200": ".upsert_table_from_csv_response_200",
    "UpsertTableResponse200": ".upsert_table_response_200",
    "UpsertTableRowsBody": ".upsert_table_rows_body",
    "UpsertTableRowsResponse200": ".upsert_table_rows_response_200",
    "UpsertTableRowsResponse200Table": ".upsert_table_rows_response_200_table",
    "UpsertedDocument": ".upserted_document",
    "User": ".user",
    "UserMessage": ".user_message",
    "UserMessageContext": ".user_message_context",
    "UserMessageInput": ".user_message_input",
    "ValidateActionBody": ".validate_action_body",
    "ValidateActionBodyApproved": ".validate_action_body_approved",
    "ValidateMemberBody": ".validate_member_body",
    "ValidateMemberResponse200": ".validate_member_response_200",
    "VerifiedDomain": ".verified_domain",
    "Workspace": ".workspace",
    "WorkspaceMember": ".workspace_member",
}


def __getattr__(name: str) -> Any:
    module = _MODEL_MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(_MODEL_MODULES)


__all__ = (
    "APIError",
    "APIErrorDetail",
    "APIErrorDetailAppError",
    "APIErrorDetailConnectorsError",
    "APIErrorDetailDataSourceError",
    "APIErrorDetailRunError",
    "ActionDisplayLabels",
    "ActionGeneratedFile",
    "AgentAction",
    "AgentActionOutputType0Item",
    "AgentActionParams",
    "AgentConfiguration",
    "AgentConfigurationActionsItem",
    "AgentFeedbacks",
    "AgentImport",
    "AgentImportAgent",
    "AgentImportGenerationSettings",
    "AgentImportTagsItem",
    "AgentImportToolsetItem",
    "AgentMessage",
    "AgentMessageError",
    "AgentMessageErrorMetadataType0",
    "AgentMessageFeedback",
    "AgentMessageRawContent",
    "AgentModelConfiguration",
    "AgentTag",
    "AgentUsage",
    "AgenticMessageData",
    "AnswerUserQuestionBody",
    "AnswerUserQuestionBodyAnswer",
    "App",
    "AppCoreSpecifications",
    "AppDatasetsItem",
    "AppDeployment",
    "AppRunBlockContent",
    "AppRunBlockExecutionContent",
    "AppRunBlockExecutionContentExecutionItemItem",
    "AppRunBlockExecutionEvent",
    "AppRunBlockMap",
    "AppRunBlockStatusContent",
    "AppRunBlockStatusEvent",
    "AppRunErrorContent",
    "AppRunErrorEvent",
    "AppRunFinalEvent",
    "AppRunFunctionCall",
    "AppRunFunctionCallArgumentsTokensEvent",
    "AppRunFunctionCallContent",
    "AppRunFunctionCallEvent",
    "AppRunReasoningItemContent",
    "AppRunReasoningItemEvent",
    "AppRunReasoningTokensEvent",
    "AppRunStatusContent",
    "AppRunStatusEvent",
    "AppRunTokens",
    "AppRunTokensContent",
    "AppRunTokensEvent",
    "BlockedAction",
    "BlockedActionInputs",
    "CancelMessageGenerationBody",
    "CheckAppsBody",
    "CheckAppsBodyAppsItem",
    "CheckAppsResponse200",
    "CheckUpsertQueueResponse200",
    "CheckWorkspaceExistsResponse200",
    "ConsumptionAgentDetails",
    "ConsumptionModelDetails",
    "ConsumptionToolDetails",
    "ContentFragment",
    "ContentFragmentContext",
    "ContentFragmentInput",
    "ContentNode",
    "ContentNodeData",
    "Conversation",
    "ConversationConsumption",
    "ConversationConsumptionDetails",
    "ConversationWithoutContent",
    "CreateAppRunBody",
    "CreateAppRunBodyConfig",
    "CreateAppRunBodyConfigModel",
    "CreateAppRunBodyInputsItem",
    "CreateAppRunResponse200",
    "CreateAppRunUseWorkspaceCredentials",
    "CreateContentFragmentResponse200",
    "CreateConversationBody",
    "CreateConversationBodyVisibility",
    "CreateConversationResponse200",
    "CreateFileUploadBody",
    "CreateFileUploadBodyUseCase",
    "CreateFileUploadBodyUseCaseMetadata",
    "CreateFileUploadResponse200",
    "CreateMessageResponse200",
    "DataSource",
    "DataSourceView",
    "DeleteDocumentResponse200",
    "DeleteDocumentResponse200Document",
    "DeleteFolderInGlobalSpaceResponse200",
    "DeleteFolderInGlobalSpaceResponse200Folder",
    "DeleteFolderResponse200",
    "DeleteFolderResponse200Folder",
    "DeregisterMcpServerBody",
    "Document",
    "DocumentChunk",
    "DocumentPage",
    "EditMessageBody",
    "EditMessageResponse200",
    "EditedByUser",
    "ExportAppsResponse200",
    "File",
    "FileUseCaseMetadataType0",
    "Folder",
    "FolderPage",
    "GetAgentConfigurationResponse200",
    "GetAgentConfigurationVariant",
    "GetAppRunResponse200",
    "GetConversationMentionSuggestionsResponse200",
    "GetConversationMentionSuggestionsSelectItem",
    "GetConversationResponse200",
    "GetDataSourceViewResponse200",
    "GetDocumentResponse200",
    "GetFeatureFlagsResponse200",
    "GetFileAction",
    "GetFileVersion",
    "GetMeResponse200",
    "GetMentionSuggestionsResponse200",
    "GetMentionSuggestionsSelectItem",
    "GetProjectMetadataResponse200",
    "GetProjectMetadataResponse200MetadataType0",
    "GetTableResponse200",
    "GetTableRowResponse200",
    "GetWorkspaceUsageFormat",
    "GetWorkspaceUsageMode",
    "GetWorkspaceUsageTable",
    "HeartbeatMcpServerBody",
    "ImportAgentConfigurationResponse200",
    "LightDocument",
    "ListAgentConfigurationsView",
    "ListAgentConfigurationsWithAuthors",
    "ListAgentsResponse",
    "ListAppsResponse200",
    "ListBlockedActionsResponse200",
    "ListConversationFeedbacksResponse200",
    "ListConversationsResponse200",
    "ListDataSourceViewsResponse200",
    "ListDataSourcesResponse200",
    "ListMcpServerViewsResponse200",
    "ListMemberEmailsResponse200",
    "ListMembersResponse200",
    "ListProjectFilesResponse200",
    "ListSkillsResponse200",
    "ListSpaceConversationIdsResponse200",
    "ListSpaceConversationsResponse200",
    "ListSpaceConversationsResponse200ConversationsItem",
    "ListSpacesResponse200",
    "ListTablesResponse200",
    "ListTriggersKind",
    "ListTriggersResponse200",
    "ListTriggersStatus",
    "ListVerifiedDomainsResponse200",
    "ListWorkspaceDataSourcesResponse200",
    "MCPHeartbeat",
    "MCPRegistration",
    "MCPServerView",
    "MCPServerViewServer",
    "MeUser",
    "MeUserOrganizationsItem",
    "MeWorkspace",
    "Mention",
    "ModelSelection",
    "NodeSearchEvent",
    "NodeSearchEventToolResultsItem",
    "NodeSearchPage",
    "ParseMentionsBody",
    "ParseMentionsResponse200",
    "PostMcpResultsBody",
    "PostMcpResultsBodyResult",
    "ProjectFile",
    "RegisterMcpServerBody",
    "RetryAgentMessageResponse200",
    "RichMention",
    "Run",
    "RunConfig",
    "RunResultsType0ItemItem",
    "RunStatus",
    "RunStatusBlocksItem",
    "SearchAgentConfigurationsResponse200",
    "SearchDataSourceResponse200",
    "SearchDataSourceViewResponse200",
    "SearchDataSourceViewsResponse200",
    "SearchNodesBody",
    "SearchNodesBodyViewType",
    "SearchResultDocument",
    "Section",
    "SendWebhookTriggerBody",
    "Skill",
    "SkippedAction",
    "Space",
    "StreamSearchNodesViewType",
    "SubmitMessageFeedbackBody",
    "SubmitMessageFeedbackBodyThumbDirection",
    "SuccessResponse",
    "Table",
    "TableColumn",
    "TableRow",
    "TableRowPage",
    "TableRowValue",
    "TokenizeTextBody",
    "TokenizeTextInGlobalSpaceBody",
    "TokenizeTextInGlobalSpaceResponse200",
    "TokenizeTextResponse200",
    "ToolMetadata",
    "ToolQuestion",
    "ToolQuestionOption",
    "Trigger",
    "TriggerConfiguration",
    "TriggerWebhookSource",
    "UnknownMessage",
    "UpdateAgentConfigurationBody",
    "UpdateAgentConfigurationResponse200",
    "UpdateAgentConfigurationResponse200SkippedActionsItem",
    "UpdateConversationBody",
    "UpdateConversationToolsBody",
    "UpdateConversationToolsBodyAction",
    "UpdateDataSourceViewBody",
    "UpdateDataSourceViewResponse200",
    "UpdateDocumentParentsBody",
    "UpdateDocumentParentsResponse200",
    "UploadToolFileBody",
    "UploadToolFileResponse200",
    "UpsertDocumentBody",
    "UpsertDocumentBodyUpsertContext",
    "UpsertFolderBody",
    "UpsertFolderInGlobalSpaceBody",
    "UpsertFolderInGlobalSpaceResponse200",
    "UpsertFolderInGlobalSpaceResponse200Folder",
    "UpsertFolderResponse200",
    "UpsertFolderResponse200Folder",
    "UpsertTableBody",
    "UpsertTableFromCsvBody",
    "UpsertTableFromCsvResponse200",
    "UpsertTableResponse200",
    "UpsertTableRowsBody",
    "UpsertTableRowsResponse200",
    "UpsertTableRowsResponse200Table",
    "UpsertedDocument",
    "User",
    "UserMessage",
    "UserMessageContext",
    "UserMessageInput",
    "ValidateActionBody",
    "ValidateActionBodyApproved",
    "ValidateMemberBody",
    "ValidateMemberResponse200",
    "VerifiedDomain",
    "Workspace",
    "WorkspaceMember",
)

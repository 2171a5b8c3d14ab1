// lienthong tasks assign | reminders queue: the task jobs an operator or cron runs.
#include <iostream>

#include "cli/cli_context.h"
#include "core/date.h"
#include "service/tasks/reminders.h"
#include "service/tasks/task_assignment.h"

namespace lienthong {

void AddTasksCommands(CLI::App& app, CliContext& ctx) {
  CLI::App* tasks = app.add_subcommand("tasks", "Task tracking jobs");
  tasks->require_subcommand(1);
  tasks->add_subcommand("assign",
                        "Resolve every task's lead and coordinating units and create the "
                        "instances of recurring tasks (plans stored before task tracking)")
      ->callback([&ctx] {
        ctx.action = [&ctx]() -> Status {
          LT_ASSIGN_OR_RETURN(auto db, ctx.OpenMigrated());
          LT_ASSIGN_OR_RETURN(auto tx, Transaction::Start(*db));
          LT_ASSIGN_OR_RETURN(int64_t plans, AssignAllTasks(*db));
          LT_RETURN_IF_ERROR(tx->Commit());
          std::cout << "assigned the tasks of " << plans << " plans\n";
          return Status::Ok();
        };
      });

  CLI::App* reminders = app.add_subcommand("reminders", "Deadline reminders");
  reminders->require_subcommand(1);
  reminders
      ->add_subcommand("queue",
                       "Queue due-soon and overdue reminders in the outbox table a mail relay "
                       "reads (idempotent; run daily)")
      ->callback([&ctx] {
        ctx.action = [&ctx]() -> Status {
          LT_ASSIGN_OR_RETURN(auto db, ctx.OpenMigrated());
          LT_ASSIGN_OR_RETURN(int64_t queued, QueueReminders(*db, Today()));
          std::cout << "queued " << queued << " reminders\n";
          return Status::Ok();
        };
      });
}

}  // namespace lienthong

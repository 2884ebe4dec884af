-- Reports read the rules' routing decisions of a period (the fairness report: a month at a time).
create index routing_decision_method_time on routing_decision (method, decided_at);
